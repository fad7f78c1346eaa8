import { join } from 'node:path'
import { type FalModel, secondsOf } from '@shotchain/fal-catalog'
import { variantOf } from '@shotchain/media'
import { type CatalogParams, loadCatalogImages } from './catalog-input.ts'
import type { JobContext } from './endpoint.ts'
import { saveImage } from './image-input.ts'
import { outputSize } from './kling-image-to-video.ts'
import { promptStripe } from './prompt-stripe.ts'

/** Seconds when a model names no duration fal would default. */
const FALLBACK_SECONDS = 5

/** The clip's length: the price rule's duration field (else `duration`), as seconds. */
export function clipSecondsOf(model: FalModel, params: CatalogParams): number {
  const field = model.price?.unit === 'second' ? model.price.seconds : 'duration'
  const seconds = secondsOf(params[field])
  return Number.isFinite(seconds) && seconds > 0 ? seconds : FALLBACK_SECONDS
}

/**
 * An image-to-video model's result, made like the Kling endpoint's: a clip of the asked
 * duration that starts on the first image input (start or first frame), ends on the second when
 * given (tail or last frame), with the prompt's {@link promptStripe} in between; each request
 * moves its own way, so two takes differ.
 */
export async function makeCatalogVideo(model: FalModel, params: CatalogParams, ctx: JobContext) {
  ctx.log('Downloading input images')
  const [start, end] = await loadCatalogImages(model, params, ctx)
  if (start === undefined) throw new Error(`${model.endpointId} got no start image`)
  const durationSec = clipSecondsOf(model, params)
  const { width, height } = outputSize(start.image.header, ctx.knobs.videoLongSide)
  const fps = ctx.knobs.videoFps
  const dir = await ctx.tempDir()
  const prompt = typeof params.prompt === 'string' ? params.prompt : ''
  const spec = {
    start: await saveImage(start.image, dir, 'start'),
    ...(end === undefined ? {} : { end: await saveImage(end.image, dir, 'end') }),
    durationSec,
    stripe: promptStripe(prompt),
    // Each request its own motion, so two takes of the same input are two different clips.
    variant: variantOf(ctx.requestId),
    width,
    height,
    fps,
  }
  ctx.log(`Generating a ${durationSec}s video at ${width}x${height}, ${fps} fps`)
  const out = join(dir, 'output.mp4')
  await ctx.media.renderTransition(spec, out, { signal: ctx.signal })
  const video = await ctx.publish(out, 'video/mp4', 'output.mp4')
  return { body: { video }, durationSec }
}
