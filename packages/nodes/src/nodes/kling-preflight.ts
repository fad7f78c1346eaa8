import { ERROR_CODES, ShotchainError } from '@shotchain/errors'
import type { MediaFacts } from '@shotchain/graph'
import { type ImageFacts, imageProblem, preflightKling } from '@shotchain/kling'
import type { MediaRef } from '../services.ts'

/**
 * The Kling node's port or param for each of fal's field names: pre-flight's problems and fal's
 * own 422s (through the spec's `wireFields`, which the engine reads) mark the node's field.
 */
export const KLING_WIRE_FIELDS: Readonly<Record<string, string>> = {
  start_image_url: 'start',
  end_image_url: 'end',
  prompt: 'prompt',
  duration: 'duration',
}

/** What a Kling node is about to ask for, with its images as stored media. */
export interface KlingShot {
  readonly nodeId: string
  readonly prompt: string
  readonly durationSec: number
  readonly start: MediaRef
  readonly end: MediaRef | undefined
}

/**
 * Checks a shot against fal's limits before anything is paid for. Throws a `validation` error
 * naming the node and the node's field at fault (`start`, `end`, `prompt`, `duration`); when
 * there are several problems the message lists them all and `field` is the first one's.
 */
export function assertShotAccepted(shot: KlingShot): void {
  const problems = preflightKling({
    prompt: shot.prompt,
    durationSec: shot.durationSec,
    start: imageFacts(shot.start),
    ...(shot.end === undefined ? {} : { end: imageFacts(shot.end) }),
  })
  const first = problems[0]
  if (first === undefined) return
  const field =
    first.field === undefined ? undefined : (KLING_WIRE_FIELDS[first.field] ?? first.field)
  throw new ShotchainError(
    ERROR_CODES.validation,
    `node "${shot.nodeId}": ${problems.map((p) => p.message).join('; ')}`,
    { nodeId: shot.nodeId, ...(field === undefined ? {} : { field }) },
  )
}

/** Pre-flight facts of stored media: its header only when it is an image. */
export function imageFacts(media: MediaRef): ImageFacts {
  const header =
    media.kind === 'image'
      ? { format: formatOf(media.contentType), width: media.width, height: media.height }
      : undefined
  return { header, sizeBytes: media.sizeBytes }
}

/** `image/png` → `png`. */
function formatOf(contentType: string): string {
  const subtype = contentType.split('/')[1] ?? contentType
  return subtype.split(';')[0]?.trim().toLowerCase() ?? subtype
}

/**
 * What fal would refuse in a local image before the run reads it (too small, wrong aspect, over
 * 10 MB, not an image, or not decoding), said for a person; undefined when it would take it.
 */
export function klingImageProblem(facts: MediaFacts): string | undefined {
  const header = facts.image
  return imageProblem({ header, sizeBytes: facts.sizeBytes }) ?? facts.undecodable
}
