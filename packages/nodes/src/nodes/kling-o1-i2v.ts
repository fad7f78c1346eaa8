import { ERROR_CODES, ShotchainError } from '@shotchain/errors'
import { defineNode } from '@shotchain/graph'
import { KLING_O1_ENDPOINTS, KLING_O1_LIMITS, klingO1Cost, klingO1Input } from '@shotchain/kling'
import { z } from 'zod'
import type { MediaRef, NodeServices } from '../services.ts'
import { assertShotAccepted, KLING_WIRE_FIELDS, klingImageProblem } from './kling-preflight.ts'
import { checkKlingPrompt } from './kling-prompt-check.ts'
import { mediaInput } from './media-input.ts'
import { requestFal } from './request-fal.ts'

const { minDuration, maxDuration } = KLING_O1_LIMITS

const klingParams = z.object({
  duration: z
    .number()
    .int(`must be a whole number of seconds from ${minDuration} to ${maxDuration}`)
    .min(minDuration, `must be at least ${minDuration} seconds`)
    .max(maxDuration, `must be at most ${maxDuration} seconds`)
    .default(5),
  tier: z.enum(['standard', 'pro'], { error: 'must be "standard" or "pro"' }).default('standard'),
})

/** Params of {@link klingO1I2vNode}: clip length in seconds and price tier. */
export type KlingO1I2vParams = z.infer<typeof klingParams>

/**
 * `kling-o1-i2v`: one shot from fal's Kling O1 image-to-video. Takes a start frame, an optional
 * end frame and a prompt; gives the clip (`video`) and its last frame (`lastFrame`), which feeds
 * the next shot's `start`. Costs duration × the tier's price per second.
 *
 * The request is checked against fal's limits before anything is paid; the fal request id is
 * journaled before waiting, and a resumed run re-attaches to it instead of paying again. When
 * fal reports that resumed request cancelled or unknown, the shot is submitted once more in its
 * place (`ctx.submit`'s `replacing`), and the run says so in the node's logs.
 */
export const klingO1I2vNode = defineNode<KlingO1I2vParams, NodeServices>({
  type: 'kling-o1-i2v',
  version: 1,
  title: 'Kling O1 image to video',
  description: 'A shot from a start frame (and optional end frame) and a prompt.',
  category: 'video',
  inputs: {
    start: { type: 'image', label: 'Start frame (@Image1)', required: true },
    end: { type: 'image', label: 'End frame (@Image2)' },
    prompt: { type: 'text', label: 'Prompt', required: true },
  },
  outputs: {
    video: { type: 'video', label: 'Clip' },
    lastFrame: { type: 'image', label: 'Last frame' },
  },
  params: klingParams,
  role: {
    kind: 'shot',
    video: 'video',
    chain: { from: 'lastFrame', to: 'start' },
    prompt: 'prompt',
    nextPrompt: { text: '@Image1: ' },
    durationSec: (params) => params.duration,
    describe: (params) => ({ tier: params.tier }),
  },
  idStem: 'shot',
  wireFields: KLING_WIRE_FIELDS,
  checkInputFile: (port, facts) =>
    port === 'start' || port === 'end' ? klingImageProblem(facts) : undefined,
  resource: 'fal',
  cost: (params) => klingO1Cost(params.duration, params.tier),
  check: checkKlingPrompt,
  // An emulator's synthetic clip must never be served from the cache as a real Kling result (or
  // the other way round): which fal made it is part of the key.
  fingerprint: async (_params, services) => `fal:${services.fal.mode}`,
  async run(ctx) {
    const { nodeId, params, signal } = ctx
    const { fal, media } = ctx.services
    const start = mediaInput(nodeId, 'start', ctx.inputs.start, 'image')
    const end =
      ctx.inputs.end === undefined ? undefined : mediaInput(nodeId, 'end', ctx.inputs.end, 'image')
    const prompt = ctx.inputs.prompt
    if (typeof prompt !== 'string') {
      throw new ShotchainError(ERROR_CODES.internal, `node "${nodeId}" received no prompt text`, {
        nodeId,
        field: 'prompt',
      })
    }
    const shot = { nodeId, prompt, durationSec: params.duration, start, end }
    assertShotAccepted(shot)
    const endpoint = KLING_O1_ENDPOINTS[params.tier]
    // Uploads happen before the journaled submit, so a failed upload never looks like a payment.
    const prepare = async () => {
      const startImageUrl = await fal.urlOf(start, signal)
      const endImageUrl = end === undefined ? undefined : await fal.urlOf(end, signal)
      return klingO1Input({
        prompt,
        startImageUrl,
        durationSec: params.duration,
        ...(endImageUrl === undefined ? {} : { endImageUrl }),
      })
    }
    const { requestId, result } = await requestFal(ctx, endpoint, prepare)
    const video = await media.importUrl(videoUrlOf(result, nodeId, requestId), signal)
    if (video.kind !== 'video') {
      throw new ShotchainError(
        ERROR_CODES.server,
        `fal's result for node "${nodeId}" (request ${requestId}) is not a video but ${video.contentType}`,
        { nodeId, field: 'video' },
      )
    }
    const lastFrame: MediaRef = await media.extractFrame(video, 'last', signal)
    // `requestId` is not a port: it rides along in the cached result for manifests and history.
    return { video, lastFrame, requestId }
  },
})

/** The clip's URL in fal's result; a result without one is fal's failure, not the user's. */
function videoUrlOf(result: unknown, nodeId: string, requestId: string): string {
  const url = (result as { video?: { url?: unknown } } | null)?.video?.url
  if (typeof url === 'string' && url !== '') return url
  throw new ShotchainError(
    ERROR_CODES.server,
    `fal finished request ${requestId} for node "${nodeId}" without a video URL`,
    { nodeId, field: 'video' },
  )
}
