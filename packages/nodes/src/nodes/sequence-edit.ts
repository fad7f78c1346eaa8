import { ERROR_CODES, ShotchainError } from '@shotchain/errors'
import type { ClipEdit } from '@shotchain/graph'
import { z } from 'zod'
import type { FrameRatio, MediaRef, SequenceClip, SequenceEditList } from '../services.ts'

/** A crossfade's length when its edit does not say, in frames (half a second at 24 fps). */
export const DEFAULT_CROSSFADE_FRAMES = 12

/** One clip's edit as the sequence's `edits` param holds it (see `ClipEdit`). */
export const clipEditSchema = z.object({
  in: z.number().int().min(0).optional(),
  out: z.number().int().min(1).optional(),
  transition: z.enum(['cut', 'crossfade']).optional(),
  crossfadeFrames: z.number().int().min(1).optional(),
}) satisfies z.ZodType<ClipEdit>

/** What the sequence knows of one clip before it plays it. */
export interface ClipFacts {
  readonly media: MediaRef
  readonly frames: number
  /** Its first frame repeats the previous clip's last frame (and was checked for it). */
  readonly repeatsPrevious: boolean
}

/**
 * Whether the cut into clip `k` is worth checking for a repeated frame: the previous clip plays
 * to its end and cuts (not fades) into clip `k`, whose edit leaves `in` to the sequence.
 */
export function checksRepeatAt(k: number, edits: readonly ClipEdit[]): boolean {
  const previous = edits[k - 1]
  return (
    k > 0 &&
    edits[k]?.in === undefined &&
    previous?.out === undefined &&
    previous?.transition !== 'crossfade'
  )
}

/**
 * The edit list a sequence plays: each clip trimmed as its edit says (a clip repeating the
 * previous clip's last frame starts at frame 1), cut or crossfaded into the next. Edits beyond
 * the last clip are ignored (a clip taken off leaves its edit behind).
 *
 * @throws ShotchainError `validation` naming the node and the field (`edits[1].out`) when a trim
 * falls outside its clip or a crossfade is longer than a clip it joins.
 */
export function sequenceEditList(
  nodeId: string,
  clips: readonly ClipFacts[],
  edits: readonly ClipEdit[],
  rate: FrameRatio,
): SequenceEditList {
  const fail = (field: string, message: string) =>
    new ShotchainError(ERROR_CODES.validation, `node "${nodeId}": ${field}: ${message}`, {
      nodeId,
      field,
    })
  const trims = clips.map((clip, k) => {
    const edit = edits[k] ?? {}
    const start = edit.in ?? (clip.repeatsPrevious && clip.frames > 1 ? 1 : 0)
    const end = edit.out ?? clip.frames
    const whose = `clip ${k + 1}'s ${clip.frames} frames`
    if (start >= clip.frames) throw fail(`edits[${k}].in`, `${start} is beyond ${whose}`)
    if (end > clip.frames) throw fail(`edits[${k}].out`, `${end} is beyond ${whose}`)
    if (end <= start) throw fail(`edits[${k}].out`, `${end} is not after in (${start})`)
    return { in: start, out: end, length: end - start }
  })
  const fades = clips.map((_, k) => {
    const edit = edits[k]
    if (k === clips.length - 1 || edit?.transition !== 'crossfade') return 0
    const frames = edit.crossfadeFrames ?? DEFAULT_CROSSFADE_FRAMES
    for (const j of [k, k + 1]) {
      const { length } = trims[j] as { length: number }
      if (frames > length) {
        throw fail(
          `edits[${k}].crossfadeFrames`,
          `a crossfade of ${frames} frames is longer than clip ${j + 1} (${length} frames played)`,
        )
      }
    }
    return frames
  })
  const list: SequenceClip[] = clips.map((clip, k) => {
    const { in: start, out: end, length } = trims[k] as { in: number; out: number; length: number }
    const fadeIn = k === 0 ? 0 : (fades[k - 1] as number)
    const fadeOut = fades[k] as number
    if (fadeIn + fadeOut > length) {
      throw fail(
        `edits[${k}].crossfadeFrames`,
        `the crossfades into and out of clip ${k + 1} (${fadeIn} + ${fadeOut} frames) overlap on its ${length} frames`,
      )
    }
    return {
      label: `clip${k + 1}`,
      media: clip.media,
      frames: clip.frames,
      ...(start === 0 ? {} : { in: start }),
      ...(end === clip.frames ? {} : { out: end }),
      next: fadeOut > 0 ? { kind: 'crossfade', frames: fadeOut } : { kind: 'cut' },
    }
  })
  return { name: nodeId, rate, clips: list }
}
