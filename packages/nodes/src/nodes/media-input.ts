import { ERROR_CODES, ShotchainError } from '@shotchain/errors'
import type { MediaRef } from '../services.ts'

const KIND_NAMES: Record<MediaRef['kind'], string> = {
  image: 'an image',
  video: 'a video',
  audio: 'audio',
}

/** Whether a port value is a {@link MediaRef} of the given kind. */
export function isMediaRef(value: unknown, kind: MediaRef['kind']): value is MediaRef {
  if (typeof value !== 'object' || value === null) return false
  const v = value as Partial<MediaRef>
  return v.kind === kind && typeof v.hash === 'string'
}

/**
 * Reads an image, video or audio input of a running node. Port types are checked before a run, so a
 * value of the wrong shape is a bug (or a foreign node pack) and throws an `internal` error.
 */
export function mediaInput(
  nodeId: string,
  port: string,
  value: unknown,
  kind: MediaRef['kind'],
): MediaRef {
  if (isMediaRef(value, kind)) return value
  throw new ShotchainError(
    ERROR_CODES.internal,
    `input "${port}" of node "${nodeId}" did not receive ${KIND_NAMES[kind]}`,
    { nodeId, field: port },
  )
}

/** Whether the run was cancelled, so an error is passed on as it is rather than re-worded. */
export function isCancelled(signal: AbortSignal, error: unknown): boolean {
  return signal.aborted || (error as { code?: unknown } | null)?.code === ERROR_CODES.cancelled
}
