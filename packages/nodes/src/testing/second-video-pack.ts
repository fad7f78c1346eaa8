import { defineNode, type NodeRegistry } from '@shotchain/graph'
import { z } from 'zod'
import { mediaInput } from '../nodes/media-input.ts'
import { requestFal } from '../nodes/request-fal.ts'
import type { NodeServices } from '../services.ts'

/** A second video model's endpoint (the emulator serves Kling pro there: a real clip). */
const ENDPOINT = 'fal-ai/kling-video/o1/image-to-video'

const params = z.object({ seconds: z.number().int().min(3).max(10).default(4) })

/**
 * A test pack's second video node type: other port and param names than Kling's, declared as a
 * shot (its clip on `clip`, chained from `last` into `first`, prompt on `text`). Nothing in the
 * editor, the apps or the CLI names it: whatever works for it there works from its declarations.
 * For tests only.
 */
export const secondVideoNode = defineNode<z.infer<typeof params>, NodeServices>({
  type: 'test-video-i2v',
  version: 1,
  title: 'Test video model',
  category: 'video',
  inputs: {
    first: { type: 'image', label: 'First frame', required: true },
    text: { type: 'text', label: 'Prompt', required: true },
  },
  outputs: {
    clip: { type: 'video', label: 'Clip' },
    last: { type: 'image', label: 'Last frame' },
  },
  params,
  role: {
    kind: 'shot',
    video: 'clip',
    chain: { from: 'last', to: 'first' },
    prompt: 'text',
    nextPrompt: { text: 'and then: ' },
    durationSec: (p) => p.seconds,
  },
  idStem: 'take',
  wireFields: { first_frame_url: 'first', prompt: 'text' },
  resource: 'fal',
  cost: (p) => Math.round(p.seconds * 0.05 * 1e6) / 1e6,
  async run(ctx) {
    const { media, fal } = ctx.services
    const first = mediaInput(ctx.nodeId, 'first', ctx.inputs.first, 'image')
    const prepare = async () => ({
      prompt: String(ctx.inputs.text),
      start_image_url: await fal.urlOf(first, ctx.signal),
      duration: String(ctx.params.seconds),
    })
    const { requestId, result } = await requestFal(ctx, ENDPOINT, prepare)
    const url = (result as { video?: { url?: string } }).video?.url ?? ''
    const clip = await media.importUrl(url, ctx.signal)
    const last = await media.extractFrame(clip, 'last', ctx.signal)
    return { clip, last, requestId }
  },
})

/** Registers the test pack in `registry` (beside the built-in one). */
export function registerSecondVideoPack(registry: NodeRegistry): NodeRegistry {
  registry.register(secondVideoNode)
  return registry
}
