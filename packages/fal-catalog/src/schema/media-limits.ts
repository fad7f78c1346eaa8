import type { MediaLimits } from '../model/fal-model.ts'

type Schema = Readonly<Record<string, unknown>>

const TEXT_LIMITS: readonly [RegExp, keyof MediaLimits, number][] = [
  [/Max file size:\s*([\d.]+)\s*MB/i, 'maxBytes', 1024 * 1024],
  [/Min width:\s*(\d+)\s*px/i, 'minWidth', 1],
  [/Min height:\s*(\d+)\s*px/i, 'minHeight', 1],
  [/Max width:\s*(\d+)\s*px/i, 'maxWidth', 1],
  [/Max height:\s*(\d+)\s*px/i, 'maxHeight', 1],
  [/Min aspect ratio:\s*([\d.]+)/i, 'minAspect', 1],
  [/Max aspect ratio:\s*([\d.]+)/i, 'maxAspect', 1],
]

const XFAL_LIMITS: readonly [string, keyof MediaLimits][] = [
  ['max_file_size', 'maxBytes'],
  ['min_width', 'minWidth'],
  ['min_height', 'minHeight'],
  ['max_width', 'maxWidth'],
  ['max_height', 'maxHeight'],
  ['min_aspect_ratio', 'minAspect'],
  ['max_aspect_ratio', 'maxAspect'],
]

/**
 * An input file's limits as fal's toolkit writes them: an `x-fal` object on the field, or the
 * text it appends to the description ("Max file size: 10.0MB, Min width: 300px, …").
 */
export function limitsOf(field: Schema): MediaLimits | undefined {
  const limits: Record<string, number> = {}
  const xfal = field['x-fal']
  if (typeof xfal === 'object' && xfal !== null) {
    for (const [key, to] of XFAL_LIMITS) {
      const value = (xfal as Schema)[key]
      if (typeof value === 'number') limits[to] = value
    }
  }
  const text = typeof field.description === 'string' ? field.description : ''
  for (const [pattern, to, scale] of TEXT_LIMITS) {
    const match = pattern.exec(text)
    if (match?.[1] !== undefined && limits[to] === undefined) limits[to] = Number(match[1]) * scale
  }
  return Object.keys(limits).length === 0 ? undefined : limits
}

/** What is known of an input image before it is sent. */
export interface ImageFacts {
  readonly width?: number
  readonly height?: number
  readonly sizeBytes?: number
}

/** The first limit `facts` break, said for a person ("is 200×200 px; fal needs…"), or undefined. */
export function limitProblem(limits: MediaLimits, facts: ImageFacts): string | undefined {
  const { width: w, height: h, sizeBytes } = facts
  if (limits.maxBytes !== undefined && sizeBytes !== undefined && sizeBytes > limits.maxBytes) {
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1)
    return `is ${mb(sizeBytes)} MB; fal accepts at most ${mb(limits.maxBytes)} MB`
  }
  if (w === undefined || h === undefined) return undefined
  const size = `is ${w}×${h} px`
  if (limits.minWidth !== undefined && w < limits.minWidth) {
    return `${size}; fal needs a width of at least ${limits.minWidth} px`
  }
  if (limits.minHeight !== undefined && h < limits.minHeight) {
    return `${size}; fal needs a height of at least ${limits.minHeight} px`
  }
  if (limits.maxWidth !== undefined && w > limits.maxWidth) {
    return `${size}; fal accepts a width of at most ${limits.maxWidth} px`
  }
  if (limits.maxHeight !== undefined && h > limits.maxHeight) {
    return `${size}; fal accepts a height of at most ${limits.maxHeight} px`
  }
  // fal's toolkit checks aspect without regard to orientation.
  const ratio = Math.max(w, h) / Math.min(w, h)
  const lo = limits.minAspect
  const hi = limits.maxAspect
  const outside = (lo !== undefined && 1 / ratio < lo) || (hi !== undefined && ratio > hi)
  if (outside) return `${size}; fal needs an aspect ratio between ${lo ?? 0} and ${hi ?? '∞'}`
  return undefined
}
