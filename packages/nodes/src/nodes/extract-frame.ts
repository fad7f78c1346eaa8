import { ERROR_CODES, ShotchainError } from '@shotchain/errors'
import { defineNode } from '@shotchain/graph'
import { z } from 'zod'
import type { NodeServices } from '../services.ts'
import { mediaInput } from './media-input.ts'

const AT_MESSAGE = 'must be "first", "last" or a time in seconds (0 or more)'

const extractFrameParams = z.object({
  at: z
    .union([z.enum(['first', 'last']), z.number().min(0, AT_MESSAGE)], { error: AT_MESSAGE })
    .default('last'),
})

/** Params of {@link extractFrameNode}: which frame, as `first`, `last` or seconds from the start. */
export type ExtractFrameParams = z.infer<typeof extractFrameParams>

/**
 * `extract-frame`: one frame of a video as an image, e.g. to start the next shot from any clip.
 * Throws a `validation` error naming `at` when the time is past the end of the video.
 */
export const extractFrameNode = defineNode<ExtractFrameParams, NodeServices>({
  type: 'extract-frame',
  idStem: 'frame',
  version: 1,
  title: 'Extract frame',
  description: 'The first, the last or the frame at a time (seconds) of a video.',
  category: 'video',
  inputs: { video: { type: 'video', label: 'Video', required: true } },
  outputs: { image: { type: 'image', label: 'Frame' } },
  params: extractFrameParams,
  async run(ctx) {
    const { nodeId, params, signal } = ctx
    const video = mediaInput(nodeId, 'video', ctx.inputs.video, 'video')
    const { at } = params
    if (typeof at === 'number' && video.durationSec !== undefined && at > video.durationSec) {
      throw new ShotchainError(
        ERROR_CODES.validation,
        `"at" is ${at} s but the video of node "${nodeId}" lasts ${video.durationSec} s: pick a time within it, or "last"`,
        { nodeId, field: 'at' },
      )
    }
    return { image: await ctx.services.media.extractFrame(video, at, signal) }
  },
})
