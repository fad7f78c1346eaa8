/** A seeded pseudo-random generator returning numbers in [0, 1). */
export type Prng = () => number

/** mulberry32: tiny, fast and good enough to pick faults reproducibly. */
export function createPrng(seed: number): Prng {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Derives a per-name seed, so each route draws from its own reproducible sequence. */
export function deriveSeed(seed: number, name: string): number {
  let hash = seed >>> 0
  for (let i = 0; i < name.length; i++) {
    hash = Math.imul(hash ^ name.charCodeAt(i), 0x01000193) >>> 0
  }
  return hash
}
