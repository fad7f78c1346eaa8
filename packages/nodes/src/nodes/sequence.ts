import { ERROR_CODES, ShotchainError } from '@shotchain/errors'
import { defineNode } from '@shotchain/graph'
import { z } from 'zod'
import type {
  FrameRatio,
  MediaRef,
  NodeServices,
  SequenceSoundtrack,
  VideoFrames,
} from '../services.ts'
import { mediaInput } from './media-input.ts'
import { checksRepeatAt, clipEditSchema, sequenceEditList } from './sequence-edit.ts'
import { measureSeams } from './sequence-seams.ts'

const sequenceParams = z.object({
  /** Trims and transitions by clip order; a clip without one plays whole and cuts. */
  edits: z.array(clipEditSchema).default([]),
  /** Start a clip at frame 1 when its first frame repeats the previous clip's last. */
  dropRepeatedFrames: z.boolean().default(true),
  /** How long a soundtrack fades out at the end of the picture, in seconds. */
  soundtrackFadeOutSec: z.number().min(0).max(10).default(1),
})

/** Params of {@link sequenceNode}: per-clip `edits`, `dropRepeatedFrames`, the soundtrack's fade. */
export type SequenceParams = z.infer<typeof sequenceParams>

/**
 * `sequence`: the clips wired to `clips`, in the order of their edges' `order`, played as one
 * video: trimmed and cut or crossfaded as `edits` say, letterboxed to the first clip's size and
 * rate. A chained shot's first frame, the same picture as the previous shot's last, is dropped
 * (`dropRepeatedFrames`) so the cut does not stutter. A sound wired to `soundtrack` plays under
 * the picture from its first frame, cut to the picture's length and faded out over its last
 * `soundtrackFadeOutSec`. Results: `video`, `editList` (the edit list it played, media as stored
 * refs), `seams` (what each cut measured, with its two stills) and `drift` (each clip's first
 * frame against the first clip's). Free. Version 1 (no params) joined the clips whole;
 * its documents load as version 2 with the defaults. Throws a `validation` error naming the field
 * for no clips or an edit that does not fit its clip.
 */
export const sequenceNode = defineNode<SequenceParams, NodeServices>({
  type: 'sequence',
  version: 2,
  title: 'Sequence',
  description: 'Joins clips, in order, into one video, with trims and crossfades.',
  category: 'video',
  inputs: {
    clips: { type: 'video', label: 'Clips', list: true, required: true },
    soundtrack: { type: 'audio', label: 'Soundtrack' },
  },
  outputs: { video: { type: 'video', label: 'Sequence' } },
  params: sequenceParams,
  role: {
    kind: 'sequence',
    clips: 'clips',
    video: 'video',
    edits: 'edits',
    seams: 'seams',
    drift: 'drift',
    editList: 'editList',
  },
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
    const played = sequenceEditList(nodeId, facts, params.edits, rate)
    const editList = {
      ...played,
      soundtrack: soundtrackOf(nodeId, ctx.inputs.soundtrack, rate, params),
    }
    const dropped = played.clips.map((clip, k) => (repeats[k] ?? false) && clip.in === 1)
    const [{ video }, { seams, drift }] = await Promise.all([
      media.stitch(editList, signal),
      measureSeams(media, played.clips, rate, dropped, signal),
    ])
    return { video, editList, seams, drift }
  },
})

/** The sound wired to `soundtrack`, measured in frames at the sequence's rate. */
function soundtrackOf(
  nodeId: string,
  value: unknown,
  rate: FrameRatio,
  params: SequenceParams,
): SequenceSoundtrack | undefined {
  if (value === undefined) return undefined
  const sound = mediaInput(nodeId, 'soundtrack', value, 'audio')
  const fps = rate.numerator / rate.denominator
  return {
    media: sound,
    frames: Math.max(1, Math.round((sound.durationSec ?? 0) * fps)),
    fadeOutFrames: Math.round(params.soundtrackFadeOutSec * fps),
  }
}

/** A clip's length at the sequence's rate: an edit list counts every clip at the list's rate. */
function framesAt(rate: FrameRatio, clip: VideoFrames): number {
  const fps = (r: FrameRatio) => r.numerator / r.denominator
  return Math.round((clip.frames * fps(rate)) / fps(clip.rate))
}
