/** Kling O1 image-to-video on fal: its two tiers, prices and input limits. */

export type KlingTier = 'standard' | 'pro'

/** fal's endpoint ids per tier (the pro tier has no `pro` segment). */
export const KLING_O1_ENDPOINTS: Readonly<Record<KlingTier, string>> = {
  standard: 'fal-ai/kling-video/o1/standard/image-to-video',
  pro: 'fal-ai/kling-video/o1/image-to-video',
}

/** US dollars per second of output video, from fal's pricing pages (2026-11). */
export const KLING_O1_PRICE_PER_SECOND: Readonly<Record<KlingTier, number>> = {
  standard: 0.084,
  pro: 0.112,
}

/** What fal accepts for this endpoint; checked before any paid call. */
export const KLING_O1_LIMITS = {
  minDuration: 3,
  maxDuration: 10,
  /** Kling's prompt cap, reported by third-party docs; fal's schema does not state it. */
  maxPromptChars: 2500,
  maxImageBytes: 10 * 1024 * 1024,
  minImageSide: 300,
  /** min(w, h) / max(w, h) must be at least this (fal allows 0.40 ≤ w/h ≤ 2.50). */
  minAspect: 0.4,
} as const

/** The price of one clip, rounded to whole micro-dollars. */
export function klingO1Cost(durationSec: number, tier: KlingTier): number {
  return Math.round(durationSec * KLING_O1_PRICE_PER_SECOND[tier] * 1e6) / 1e6
}

export interface KlingO1Request {
  readonly prompt: string
  readonly startImageUrl: string
  readonly endImageUrl?: string
  readonly durationSec: number
}

/** The endpoint's wire input: `duration` is a string, `end_image_url` only when there is one. */
export function klingO1Input(request: KlingO1Request): Record<string, string> {
  return {
    prompt: request.prompt,
    start_image_url: request.startImageUrl,
    ...(request.endImageUrl === undefined ? {} : { end_image_url: request.endImageUrl }),
    duration: String(request.durationSec),
  }
}

/** The video of a finished clip, as fal returns it. */
export interface KlingO1Output {
  readonly video: {
    readonly url: string
    readonly content_type?: string
    readonly file_name?: string
    readonly file_size?: number
  }
}
