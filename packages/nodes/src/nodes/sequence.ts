import { ERROR_CODES, ShotchainError } from '@shotchain/errors'
import { defineNode } from '@shotchain/graph'
import { z } from 'zod'
import type { NodeServices } from '../services.ts'
import { mediaInput } from './media-input.ts'

const sequenceParams = z.object({})

/** Params of {@link sequenceNode} (none). */
export type SequenceParams = z.infer<typeof sequenceParams>

/**
 * `sequence`: the clips wired to `clips`, in the order of their edges' `order`, as one video
 * (normalised to the first clip's size and frame rate). Free. Throws a `validation` error naming
 * `clips` when it receives none.
 */
export const sequenceNode = defineNode<SequenceParams, NodeServices>({
  type: 'sequence',
  version: 1,
  title: 'Sequence',
  description: 'Joins clips, in order, into one video.',
  category: 'video',
  inputs: { clips: { type: 'video', label: 'Clips', list: true, required: true } },
  outputs: { video: { type: 'video', label: 'Sequence' } },
  params: sequenceParams,
  role: { kind: 'sequence', clips: 'clips', video: 'video' },
  async run(ctx) {
    const { nodeId, signal } = ctx
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
    return { video: await ctx.services.media.concat(clips, signal) }
  },
})
