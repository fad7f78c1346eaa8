import { decodePng } from './read-png.ts'

/**
 * Mean absolute difference per channel between two PNGs of one size, 0–255 (about 0 for the same
 * picture through a lossy encode, tens for different pictures). Throws when the sizes differ.
 */
export function meanDifference(a: Uint8Array, b: Uint8Array): number {
  const [x, y] = [decodePng(a), decodePng(b)]
  if (x.width !== y.width || x.height !== y.height) {
    throw new Error(`sizes differ: ${x.width}×${x.height} and ${y.width}×${y.height}`)
  }
  let sum = 0
  for (let p = 0; p < x.width * x.height; p++) {
    for (let c = 0; c < 3; c++) {
      sum += Math.abs((x.pixels[p * x.channels + c] ?? 0) - (y.pixels[p * y.channels + c] ?? 0))
    }
  }
  return sum / (x.width * x.height * 3)
}
