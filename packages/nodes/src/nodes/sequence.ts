import { ERROR_CODES, ShotchainError } from '@shotchain/errors'
import { defineNode } from '@shotchain/graph'
import { z } from 'zod'
import type { FrameRatio, MediaRef, NodeServices, VideoFrames } from '../services.ts'
import { mediaInput } from './media-input.ts'
import { checksRepeatAt, clipEditSchema, sequenceEditList } from './sequence-edit.ts'

const sequenceParams = z.object({
  /** Trims and transitions by clip order; a clip without one plays whole and cuts. */
  edits: z.array(clipEditSchema).default([]),
  /** Start a clip at frame 1 when its first frame repeats the previous clip's last. */
  dropRepeatedFrames: z.boolean().default(true),
})

/** Params of {@link sequenceNode}: per-clip `edits` and `dropRepeatedFrames`. */
export type SequenceParams = z.infer<typeof sequenceParams>

/**
 * `sequence`: the clips wired to `clips`, in the order of their edges' `order`, played as one
 * video: trimmed and cut or crossfaded as `edits` say, letterboxed to the first clip's size and
 * rate. A chained shot's first frame, the same picture as the previous shot's last, is dropped
 * (`dropRepeatedFrames`) so the cut does not stutter. Results: `video` and `editList` (the edit
 * list it played, media as stored refs). Free. Version 1 (no params) joined the clips whole;
 * its documents load as version 2 with the defaults. Throws a `validation` error naming the field
 * for no clips or an edit that does not fit its clip.
 */
export const sequenceNode = defineNode<SequenceParams, NodeServices>({
  type: 'sequence',
  version: 2,
  title: 'Sequence',
  description: 'Joins clips, in order, into one video, with trims and crossfades.',
  category: 'video',
  inputs: { clips: { type: 'video', label: 'Clips', list: true, required: true } },
  outputs: { video: { type: 'video', label: 'Sequence' } },
  params: sequenceParams,
  role: { kind: 'sequence', clips: 'clips', video: 'video', edits: 'edits', editList: 'editList' },
  async run(ctx) {
    const { nodeId, signal, params } = ctx
    const media = ctx.services.media
    const raw = ctx.inputs.clips
    const clips = (Array.isArray(raw) ? raw : []).map((clip, k) =>
      mediaInput(nodeId, `clips[${k}]`, clip, 'video'),
    )
    if (clips.length === 0) {
      throw new ShotchainError(
        ERROR_CODES.validation,
        `node "${nodeId}" has no clips: connect at least one video to "clips"`,
        { nodeId, field: 'clips' },
      )
    }
    const counted = await Promise.all(clips.map((clip) => media.countFrames(clip, signal)))
    const repeats = await Promise.all(
      clips.map((clip, k) =>
        params.dropRepeatedFrames && checksRepeatAt(k, params.edits)
          ? media.repeatsAtCut(clips[k - 1] as MediaRef, clip, signal)
          : false,
      ),
    )
    const rate = counted[0]?.rate ?? { numerator: 24, denominator: 1 }
    const facts = clips.map((clip, k) => ({
      media: clip,
      frames: framesAt(rate, counted[k] ?? { frames: 0, rate }),
      repeatsPrevious: repeats[k] ?? false,
    }))
    const editList = sequenceEditList(nodeId, facts, params.edits, rate)
    const { video } = await media.stitch(editList, signal)
    return { video, editList }
  },
})

/** A clip's length at the sequence's rate: an edit list counts every clip at the list's rate. */
function framesAt(rate: FrameRatio, clip: VideoFrames): number {
  const fps = (r: FrameRatio) => r.numerator / r.denominator
  return Math.round((clip.frames * fps(rate)) / fps(clip.rate))
}
