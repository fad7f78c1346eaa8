import { performance } from 'node:perf_hooks'

/** Runs `work` once and times it with the monotonic clock. */
export async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now()
  const value = await work()
  return { ms: performance.now() - start, value }
}

/** The middle sample (the mean of the two middle ones for an even count). */
export function median(samples: readonly number[]): number {
  if (samples.length === 0) throw new Error('median of no samples')
  const sorted = [...samples].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  const upper = sorted[mid] as number
  return sorted.length % 2 === 1 ? upper : (upper + (sorted[mid - 1] as number)) / 2
}

/** The nearest-rank `p`th percentile (0–100) of `samples`; NaN when there are none. */
export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN
}

/** The arithmetic mean of `samples`; NaN when there are none. */
export function mean(samples: readonly number[]): number {
  return samples.reduce((sum, x) => sum + x, 0) / samples.length
}

/** Runs `sample` `times` times in a row, reporting each result to stderr; returns the median. */
export async function medianOf(
  label: string,
  times: number,
  sample: () => Promise<number>,
): Promise<number> {
  const samples: number[] = []
  for (let i = 0; i < times; i++) {
    samples.push(await sample())
    console.error(`  ${label} #${i + 1}: ${formatMs(samples[i] as number)}`)
  }
  return median(samples)
}

/** `812.3 ms` or `2.45 s`, for progress lines. */
export function formatMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`
}

/** Rounds to `digits` significant digits, for the printed figures. */
export function round(value: number, digits = 3): number {
  return Number(value.toPrecision(digits))
}
