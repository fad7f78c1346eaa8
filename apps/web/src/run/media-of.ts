/** A media reference in a node's outputs (what image and video ports carry). */
export interface OutputMedia {
  readonly kind: 'image' | 'video'
  readonly hash: string
  readonly durationSec?: number
}

/** The media an output port holds, if it holds any. */
export function mediaOf(outputs: Readonly<Record<string, unknown>> | undefined, port: string) {
  const value = outputs?.[port] as Partial<OutputMedia> | undefined
  if (typeof value !== 'object' || value === null || typeof value.hash !== 'string')
    return undefined
  return value as OutputMedia
}

/** Where the server serves stored media (with range requests, so videos seek). */
export function mediaUrl(media: OutputMedia): string {
  return `/media/${media.hash}`
}
