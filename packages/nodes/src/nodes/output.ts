import { defineNode } from '@shotchain/graph'
import { z } from 'zod'
import { mediaInput } from './media-input.ts'

/** A file name without folder, or nothing (then the node's id names the file). */
const SAFE_NAME = /^(?:[A-Za-z0-9_-][A-Za-z0-9._-]*)?$/

const outputParams = z.object({
  name: z
    .string()
    .max(100, 'must be at most 100 characters long')
    .regex(
      SAFE_NAME,
      'must be a file name of letters, digits, "-", "_" and "." that does not start with "." (e.g. "final-cut")',
    )
    .default(''),
})

/**
 * Params of {@link outputNode}: the file name (without folder) the result is kept under; empty
 * (a new node's default) keeps it under the node's id, which no other node has.
 */
export type OutputParams = z.infer<typeof outputParams>

/**
 * `output`: marks a result the run keeps, under `name`. Exactly one of `video` and `image` is
 * connected. It declares no output ports; its result is `{ media: MediaRef }` (the media it
 * received), which the CLI and server read to write or show the file.
 */
export const outputNode = defineNode<OutputParams>({
  type: 'output',
  version: 1,
  title: 'Output',
  description: 'A result the run keeps: the file the CLI writes and the app shows.',
  category: 'outputs',
  inputs: {
    video: { type: 'video', label: 'Video' },
    image: { type: 'image', label: 'Image' },
  },
  outputs: {},
  params: outputParams,
  isOutput: true,
  role: { kind: 'output', media: 'media', name: 'name' },
  check({ isConnected }) {
    const video = isConnected('video')
    const image = isConnected('image')
    if (video && image) {
      return [
        {
          severity: 'error',
          field: 'image',
          message:
            'this output has both a video and an image connected; it keeps one: use two outputs',
        },
      ]
    }
    if (!video && !image) {
      return [
        {
          severity: 'error',
          field: 'video',
          message:
            'this output has nothing connected: connect the video or the image it should keep',
        },
      ]
    }
    return []
  },
  async run(ctx) {
    const port = ctx.inputs.video === undefined ? 'image' : 'video'
    return { media: mediaInput(ctx.nodeId, port, ctx.inputs[port], port) }
  },
})
