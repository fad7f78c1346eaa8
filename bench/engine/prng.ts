/**
 * mulberry32: a tiny seeded PRNG. The same seed gives the same sequence on every machine, so
 * both engines (and every run) see the identical graph.
 * Returns floats in [0, 1).
 */
export function createPrng(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A whole number in [0, max). */
export function pickIndex(random: () => number, max: number): number {
  return Math.floor(random() * max)
}
