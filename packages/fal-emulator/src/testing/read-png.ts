import { inflateSync } from 'node:zlib'
import { stripeGeometry } from '@shotchain/media'
import { STRIPE_CELLS } from '../endpoints/prompt-stripe.ts'

/** A decoded 8-bit RGB or RGBA image. */
export interface DecodedPng {
  readonly width: number
  readonly height: number
  /** 3 (RGB) or 4 (RGBA) bytes a pixel, rows top to bottom. */
  readonly channels: number
  readonly pixels: Buffer
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c
  const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)]
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c
}

/**
 * Decodes the PNGs ffmpeg writes (8-bit RGB or RGBA, not interlaced), so tests can look at a
 * frame's pixels; throws for anything else.
 */
export function decodePng(bytes: Uint8Array): DecodedPng {
  const data = Buffer.from(bytes)
  let at = 8
  let header: Buffer | undefined
  const idat: Buffer[] = []
  while (at < data.length) {
    const length = data.readUInt32BE(at)
    const type = data.toString('ascii', at + 4, at + 8)
    const body = data.subarray(at + 8, at + 8 + length)
    if (type === 'IHDR') header = body
    if (type === 'IDAT') idat.push(body)
    at += 12 + length
  }
  if (header === undefined) throw new Error('not a PNG')
  const [width, height] = [header.readUInt32BE(0), header.readUInt32BE(4)]
  const [depth, colorType, interlace] = [header[8], header[9], header[12]]
  if (depth !== 8 || (colorType !== 2 && colorType !== 6) || interlace !== 0) {
    throw new Error(`unsupported PNG: depth ${depth}, colour type ${colorType}`)
  }
  const channels = colorType === 6 ? 4 : 3
  const raw = inflateSync(Buffer.concat(idat))
  const stride = width * channels
  const pixels = Buffer.alloc(stride * height)
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x] ?? 0
      const left = x >= channels ? (pixels[y * stride + x - channels] ?? 0) : 0
      const up = y > 0 ? (pixels[(y - 1) * stride + x] ?? 0) : 0
      const corner = x >= channels && y > 0 ? (pixels[(y - 1) * stride + x - channels] ?? 0) : 0
      const predictor = [0, left, up, (left + up) >> 1, paeth(left, up, corner)][filter ?? 0] ?? 0
      pixels[y * stride + x] = (value + predictor) & 0xff
    }
  }
  return { width, height, channels, pixels }
}

/**
 * Reads the prompt stripe of an emulator clip's frame (a PNG of a frame between the first and
 * the last): the colour of each cell's centre, each channel rounded to 00 or ff. Compare it with
 * `promptStripe(prompt)`.
 */
export function readPromptStripe(png: Uint8Array): string[] {
  const image = decodePng(png)
  const { x, y, cellWidth, cellHeight } = stripeGeometry(image.width, image.height, STRIPE_CELLS)
  return Array.from({ length: STRIPE_CELLS }, (_, i) => {
    const px = x + i * cellWidth + Math.floor(cellWidth / 2)
    const py = y + Math.floor(cellHeight / 2)
    const at = (py * image.width + px) * image.channels
    return [0, 1, 2].map((c) => ((image.pixels[at + c] ?? 0) >= 128 ? 'ff' : '00')).join('')
  })
}
