import { join } from 'node:path'
import { catalogModel, priceOf } from '@shotchain/fal-catalog'
import { variantOf } from '@shotchain/media'
import type { EndpointSpec, JobContext } from './endpoint.ts'
import { type FalErrorDetail, ModelError, notOneOf } from './fal-errors.ts'
import { type ImageInput, isErrorDetail, loadImageInput, saveImage } from './image-input.ts'
import type { ImageHeaderInfo } from './media-port.ts'
import { promptStripe } from './prompt-stripe.ts'
import { bodyFields, readString } from './schema-checks.ts'

/** Kling O1 image-to-video, standard tier. */
export const KLING_O1_STANDARD_I2V = 'fal-ai/kling-video/o1/standard/image-to-video'
/** Kling O1 image-to-video, pro tier (fal's id has no `pro` segment). */
export const KLING_O1_PRO_I2V = 'fal-ai/kling-video/o1/image-to-video'
/** The durations fal accepts, as strings. */
export const KLING_DURATIONS = ['3', '4', '5', '6', '7', '8', '9', '10'] as const

interface KlingInput {
  readonly prompt: string
  readonly startUrl: string
  readonly endUrl: string | undefined
  readonly durationSec: number
}

/** Validates the body like fal's pydantic model; throws a 422 {@link ModelError}. */
export function parseKlingInput(body: unknown): KlingInput {
  const fields = bodyFields(body)
  if (Array.isArray(fields)) throw new ModelError(fields)
  const errors: FalErrorDetail[] = []
  const prompt = readString(fields, 'prompt', errors, { required: true, minLength: 1 })
  const startUrl = readString(fields, 'start_image_url', errors, { required: true })
  const endUrl = readString(fields, 'end_image_url', errors, { required: false })
  const duration = fields.duration ?? '5'
  if (!(KLING_DURATIONS as readonly unknown[]).includes(duration)) {
    errors.push(notOneOf('duration', duration, KLING_DURATIONS))
  }
  if (errors.length > 0 || prompt === undefined || startUrl === undefined)
    throw new ModelError(errors)
  return { prompt, startUrl, endUrl, durationSec: Number(duration) }
}

/** Output size: the start image's aspect ratio with the long side `longSide`, both sides even. */
export function outputSize(image: ImageHeaderInfo, longSide: number) {
  const even = (n: number) => Math.max(2, Math.round(n / 2) * 2)
  const long = even(longSide)
  const short = even(
    (long * Math.min(image.width, image.height)) / Math.max(image.width, image.height),
  )
  return image.width >= image.height
    ? { width: long, height: short }
    : { width: short, height: long }
}

async function loadImages(input: KlingInput, ctx: JobContext) {
  ctx.log(
    input.endUrl === undefined ? 'Downloading start image' : 'Downloading start and end images',
  )
  const [start, end] = await Promise.all([
    loadImageInput(['start_image_url'], input.startUrl, ctx),
    input.endUrl === undefined ? undefined : loadImageInput(['end_image_url'], input.endUrl, ctx),
  ])
  const errors = [start, end].filter(
    (r): r is FalErrorDetail => r !== undefined && isErrorDetail(r),
  )
  if (errors.length > 0) throw new ModelError(errors)
  return { start: start as ImageInput, end: end as ImageInput | undefined }
}

/**
 * A Kling O1 image-to-video endpoint. It renders a real H.264 MP4 of exactly the asked
 * duration whose first frame is the start image and whose last frame is the end image (without
 * one it drifts from the start image), with the prompt's {@link promptStripe} on the frames in
 * between, moving as the request id's variant says (so two takes of one input differ), and
 * bills the duration in seconds at the catalog's price of `id`.
 */
export function klingImageToVideo(id: string): EndpointSpec {
  const model = catalogModel(id)
  return {
    id,
    async run(body, ctx) {
      const input = parseKlingInput(body)
      const { start, end } = await loadImages(input, ctx)
      const { width, height } = outputSize(start.header, ctx.knobs.videoLongSide)
      const fps = ctx.knobs.videoFps
      const dir = await ctx.tempDir()
      const spec = {
        start: await saveImage(start, dir, 'start'),
        ...(end === undefined ? {} : { end: await saveImage(end, dir, 'end') }),
        durationSec: input.durationSec,
        // What a test reads back to tell which prompt made the clip.
        stripe: promptStripe(input.prompt),
        // Each request its own motion, so two takes of the same input are two different clips.
        variant: variantOf(ctx.requestId),
        width,
        height,
        fps,
      }
      ctx.log(`Generating a ${input.durationSec}s video at ${width}x${height}, ${fps} fps`)
      const out = join(dir, 'output.mp4')
      await ctx.media.renderTransition(spec, out, { signal: ctx.signal })
      const video = await ctx.publish(out, 'video/mp4', 'output.mp4')
      const wire = { duration: String(input.durationSec) }
      const billedUsd = model === undefined ? 0 : (priceOf(model, wire) ?? 0)
      return { body: { video }, billedSeconds: input.durationSec, billedUsd }
    },
  }
}
