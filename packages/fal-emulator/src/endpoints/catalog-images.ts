import { copyFile } from 'node:fs/promises'
import { join } from 'node:path'
import { type FalModel, pixelsOf } from '@shotchain/fal-catalog'
import { type CatalogParams, loadCatalogImages } from './catalog-input.ts'
import type { FalFile, JobContext } from './endpoint.ts'
import { ModelError } from './fal-errors.ts'
import { saveImage } from './image-input.ts'
import type { StillSpec } from './media-port.ts'
import { promptBackground, promptStripe } from './prompt-stripe.ts'

/** fal's `Image` result entry. */
export interface FalImage extends FalFile {
  readonly width: number
  readonly height: number
}

/** `num_images` as fal would make it: 1 when the model has no such field. */
function countOf(params: CatalogParams): number {
  const count = params.num_images
  return typeof count === 'number' && count >= 1 ? Math.floor(count) : 1
}

/** Draws `spec` once and publishes it `count` times (a PNG each, as fal's URLs are per image). */
async function publishStills(spec: StillSpec, count: number, ctx: JobContext): Promise<FalImage[]> {
  const dir = await ctx.tempDir()
  const first = join(dir, 'image-0.png')
  ctx.log(`Generating ${count} image${count === 1 ? '' : 's'} at ${spec.width}x${spec.height}`)
  await ctx.media.renderStill(spec, first, { signal: ctx.signal })
  // Publishing moves a file, so every copy is made first.
  const files = [first]
  for (let i = 1; i < count; i++) {
    files.push(join(dir, `image-${i}.png`))
    await copyFile(first, files[i] as string)
  }
  const images: FalImage[] = []
  for (const [i, file] of files.entries()) {
    const published = await ctx.publish(file, 'image/png', `image-${i}.png`)
    images.push({ ...published, width: spec.width, height: spec.height })
  }
  return images
}

function seedOf(params: CatalogParams): number {
  return typeof params.seed === 'number' ? params.seed : Math.floor(Math.random() * 2 ** 31)
}

/**
 * A text-to-image model's result: `num_images` PNGs of the asked `image_size`, each a
 * background of the prompt's {@link promptBackground} with its {@link promptStripe} and its words.
 */
export async function makeTextImages(params: CatalogParams, ctx: JobContext) {
  const prompt = typeof params.prompt === 'string' ? params.prompt : ''
  const [width, height] = pixelsOf(params.image_size)
  const stripe = promptStripe(prompt)
  const spec = { color: promptBackground(prompt), width, height, stripe, caption: prompt }
  const images = await publishStills(spec, countOf(params), ctx)
  return { images, seed: seedOf(params), prompt }
}

/**
 * An image-edit model's result: every input image is downloaded and checked, and the first one
 * comes back at its own size with the edit prompt's {@link promptStripe} and words over it, `num_images`
 * times. Throws a 422 when no image was given (an empty list).
 */
export async function makeEditedImages(model: FalModel, params: CatalogParams, ctx: JobContext) {
  ctx.log('Downloading input images')
  const loaded = await loadCatalogImages(model, params, ctx)
  const source = loaded[0]
  if (source === undefined) {
    const field = model.inputs.find((f) => f.kind === 'media')?.name ?? 'image_url'
    const msg = 'List should have at least 1 item after validation, not 0'
    const ctxInfo = { field_type: 'List', min_length: 1, actual_length: 0 }
    throw new ModelError([
      { loc: ['body', field], msg, type: 'too_short', input: [], ctx: ctxInfo },
    ])
  }
  const prompt = typeof params.prompt === 'string' ? params.prompt : ''
  const image = await saveImage(source.image, await ctx.tempDir(), 'input')
  const { width, height } = source.image.header
  const spec = { image, width, height, stripe: promptStripe(prompt), caption: prompt }
  return { images: await publishStills(spec, countOf(params), ctx) }
}
