import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ValidationError } from '@fal-ai/client'
import { createMediaTools } from '@shotchain/media'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { meanDifference } from '../testing/compare-png.ts'
import { makePng } from '../testing/png.ts'
import { decodePng, readPromptStripe } from '../testing/read-png.ts'
import { startTestEmulator, type TestEmulator } from '../testing/test-emulator.ts'
import { validationErrorOf } from '../testing/validation-error.ts'
import { waitUntilIdle } from '../testing/wait-until-idle.ts'
import { promptBackground, promptStripe } from './prompt-stripe.ts'

const SCHNELL = 'fal-ai/flux/schnell'
const KONTEXT = 'fal-ai/flux-pro/kontext'
const NANO = 'fal-ai/nano-banana/edit'
const KLING_25 = 'fal-ai/kling-video/v2.5-turbo/pro/image-to-video'
const VEO = 'fal-ai/veo3.1/fast/first-last-frame-to-video'

interface FalImageOut {
  url: string
  width: number
  height: number
  content_type: string
}

const media = createMediaTools()
let t: TestEmulator
let dir: string
let redUrl: string
let blueUrl: string

async function bytesOf(url: string): Promise<Buffer> {
  return Buffer.from(await (await fetch(url)).arrayBuffer())
}

async function saved(url: string, ext: string): Promise<string> {
  const file = join(dir, `${Math.random().toString(36).slice(2)}.${ext}`)
  await writeFile(file, await bytesOf(url))
  return file
}

async function frameOf(video: string, at: 'first' | 'last' | number): Promise<Buffer> {
  const png = join(dir, `${Math.random().toString(36).slice(2)}.png`)
  await media.extractFrame(video, at, png)
  return readFile(png)
}

async function run<T>(id: string, input: Record<string, unknown>): Promise<T> {
  const result = await t.viaFetch.subscribe(id, { input, pollInterval: 10 })
  return result.data as T
}

function rejection(id: string, input: Record<string, unknown>): Promise<ValidationError> {
  return validationErrorOf(run(id, input))
}

beforeAll(async () => {
  t = await startTestEmulator()
  dir = await mkdtemp(join(tmpdir(), 'fal-emulator-catalog-'))
  redUrl = await t.upload(makePng(400, 300, { hue: 'red' }), 'image/png', 'red.png')
  blueUrl = await t.upload(makePng(400, 300, { hue: 'blue' }), 'image/png', 'blue.png')
})

afterAll(async () => {
  await t.emulator.stop()
  await rm(dir, { recursive: true, force: true })
})

beforeEach(async () => {
  await waitUntilIdle(t.emulator)
  t.emulator.resetStats()
})

describe('text to image from the schema (FLUX schnell)', () => {
  it('makes num_images PNGs of the asked size that show the prompt', async () => {
    const data = await run<{ images: FalImageOut[]; prompt: string; seed: number }>(SCHNELL, {
      prompt: 'a red fox in snow',
      image_size: 'square',
      num_images: 2,
      seed: 7,
    })
    expect(data).toMatchObject({ prompt: 'a red fox in snow', seed: 7 })
    expect(data.images).toHaveLength(2)
    for (const image of data.images) {
      expect(image).toMatchObject({ width: 512, height: 512, content_type: 'image/png' })
      const png = decodePng(await bytesOf(image.url))
      expect([png.width, png.height]).toEqual([512, 512])
      expect(readPromptStripe(await bytesOf(image.url))).toEqual(promptStripe('a red fox in snow'))
    }
    expect(data.images[0]?.url).not.toBe(data.images[1]?.url)
  })

  it("takes the schema's default size and a {width, height}; two prompts give two pictures", async () => {
    const fox = await run<{ images: FalImageOut[] }>(SCHNELL, { prompt: 'fox' })
    expect(fox.images).toMatchObject([{ width: 1024, height: 768 }])
    const [a, b] = await Promise.all(
      ['fox', 'owl'].map((prompt) =>
        run<{ images: FalImageOut[] }>(SCHNELL, {
          prompt,
          image_size: { width: 160, height: 90 },
        }),
      ),
    )
    const [foxPng, owlPng] = [
      await bytesOf(a?.images[0]?.url ?? ''),
      await bytesOf(b?.images[0]?.url ?? ''),
    ]
    expect(decodePng(foxPng)).toMatchObject({ width: 160, height: 90 })
    expect(readPromptStripe(owlPng)).toEqual(promptStripe('owl'))
    expect(promptBackground('fox')).not.toBe(promptBackground('owl'))
    expect(meanDifference(foxPng, owlPng)).toBeGreaterThan(10)
  })
})

describe('image edit from the schema', () => {
  it('Kontext: the input image at its size with the edit prompt stripe over it', async () => {
    const data = await run<{ images: FalImageOut[] }>(KONTEXT, {
      prompt: 'make it night',
      image_url: redUrl,
    })
    expect(data.images).toMatchObject([{ width: 400, height: 300, content_type: 'image/png' }])
    const edited = await bytesOf(data.images[0]?.url ?? '')
    expect(readPromptStripe(edited)).toEqual(promptStripe('make it night'))
    // Above the stripe it is the input picture.
    const [out, input] = [decodePng(edited), decodePng(makePng(400, 300, { hue: 'red' }))]
    const top = (png: typeof out) => png.pixels.subarray(0, png.width * png.channels * 150)
    const diff = top(out).reduce((sum, v, i) => sum + Math.abs(v - (top(input)[i] ?? 0)), 0)
    expect(diff / top(out).length).toBeLessThan(3)
  })

  it('nano-banana: edits the first of its image_urls, num_images times', async () => {
    const data = await run<{ images: FalImageOut[] }>(NANO, {
      prompt: 'add a hat',
      image_urls: [blueUrl, redUrl],
      num_images: 2,
    })
    expect(data.images).toHaveLength(2)
    const edited = await bytesOf(data.images[1]?.url ?? '')
    expect(meanDifference(edited, makePng(400, 300, { hue: 'blue' }))).toBeLessThan(
      meanDifference(edited, makePng(400, 300, { hue: 'red' })),
    )
  })

  it('names the list index of an image that cannot be loaded', async () => {
    const text = await t.upload(Buffer.from('not a picture'), 'image/png')
    const error = await rejection(NANO, { prompt: 'add a hat', image_urls: [blueUrl, text] })
    expect((error.body as { detail: unknown[] }).detail).toMatchObject([
      { loc: ['body', 'image_urls', 1], type: 'image_load_error' },
    ])
  })

  it('refuses an empty image list', async () => {
    const error = await rejection(NANO, { prompt: 'add a hat', image_urls: [] })
    expect(error.getFieldErrors('image_urls')).toMatchObject([{ type: 'too_short' }])
  })
})

describe('image to video from the schema', () => {
  it('Kling 2.5: from image_url to tail_image_url, the asked 5 s, the prompt in between', async () => {
    const data = await run<{ video: { url: string; content_type: string } }>(KLING_25, {
      prompt: 'red turns blue',
      image_url: redUrl,
      tail_image_url: blueUrl,
    })
    expect(data.video.content_type).toBe('video/mp4')
    const clip = await saved(data.video.url, 'mp4')
    const info = await media.probe(clip)
    expect(info.durationSec).toBeCloseTo(5, 1)
    expect([info.width, info.height]).toEqual([96, 72])
    const [red, blue] = [makePng(96, 72, { hue: 'red' }), makePng(96, 72, { hue: 'blue' })]
    expect(meanDifference(await frameOf(clip, 'first'), red)).toBeLessThan(6)
    expect(meanDifference(await frameOf(clip, 'last'), blue)).toBeLessThan(6)
    expect(readPromptStripe(await frameOf(clip, 2.5))).toEqual(promptStripe('red turns blue'))
    expect(t.emulator.stats().billedSeconds).toEqual({ [KLING_25]: 5 })
  })

  it("Veo: a duration of '4s' is a 4 s clip from first_frame_url to last_frame_url", async () => {
    const data = await run<{ video: { url: string } }>(VEO, {
      prompt: 'dusk',
      first_frame_url: blueUrl,
      last_frame_url: redUrl,
      duration: '4s',
    })
    const clip = await saved(data.video.url, 'mp4')
    expect((await media.probe(clip)).durationSec).toBeCloseTo(4, 1)
    const blue = makePng(96, 72, { hue: 'blue' })
    expect(meanDifference(await frameOf(clip, 'first'), blue)).toBeLessThan(6)
  })

  it("applies the catalog's limits to image_url with fal's toolkit types", async () => {
    const small = await t.upload(makePng(200, 200), 'image/png')
    const narrow = await t.upload(makePng(1000, 300), 'image/png')
    const tooSmall = await rejection(KLING_25, { prompt: 'x', image_url: small })
    expect(tooSmall.getFieldErrors('image_url')).toMatchObject([
      { loc: ['body', 'image_url'], type: 'image_too_small', ctx: { min_width: 300 } },
    ])
    const tooNarrow = await rejection(KLING_25, { prompt: 'x', image_url: narrow })
    expect(tooNarrow.getFieldErrors('image_url')).toMatchObject([
      { loc: ['body', 'image_url'], type: 'image_aspect_ratio_error' },
    ])
    const stats = t.emulator.stats()
    expect(stats.failed).toEqual({ [KLING_25]: 2 })
    expect(stats.billedUsd).toEqual({})
  })

  it('refuses a file over the limit with file_too_large, and reports schema errors first', async () => {
    const huge = await t.upload(makePng(1900, 1900, { noise: true }), 'image/png')
    const error = await rejection(KLING_25, { prompt: 'x', image_url: huge })
    expect(error.getFieldErrors('image_url')).toMatchObject([
      { type: 'file_too_large', ctx: { max_size: 10 * 1024 * 1024 } },
    ])
    const invalid = await rejection(VEO, { prompt: 'x', first_frame_url: redUrl, resolution: '8k' })
    const detail = (invalid.body as { detail: { loc: string[]; type: string }[] }).detail
    expect(detail.map((d) => [d.loc, d.type])).toEqual([
      [['body', 'last_frame_url'], 'missing'],
      [['body', 'resolution'], 'enum'],
    ])
  })
})
