import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createMediaTools } from '@shotchain/media'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { meanDifference } from '../testing/compare-png.ts'
import { makePng } from '../testing/png.ts'
import { readPromptStripe } from '../testing/read-png.ts'
import { startTestEmulator, type TestEmulator } from '../testing/test-emulator.ts'
import { validationErrorOf } from '../testing/validation-error.ts'
import { waitUntilIdle } from '../testing/wait-until-idle.ts'
import { KLING_O1_PRO_I2V, KLING_O1_STANDARD_I2V } from './kling-image-to-video.ts'
import { promptStripe } from './prompt-stripe.ts'

const media = createMediaTools()
let t: TestEmulator
let dir: string
let startUrl: string
let endUrl: string

async function probeUrl(url: string) {
  const res = await fetch(url)
  const file = join(dir, `${Math.random().toString(36).slice(2)}.mp4`)
  await writeFile(file, Buffer.from(await res.arrayBuffer()))
  return media.probe(file)
}

async function download(url: string): Promise<string> {
  const file = join(dir, `${Math.random().toString(36).slice(2)}.mp4`)
  await writeFile(file, Buffer.from(await (await fetch(url)).arrayBuffer()))
  return file
}

async function frameOf(video: string, at: 'first' | 'last' | number): Promise<Buffer> {
  const png = join(dir, `${Math.random().toString(36).slice(2)}.png`)
  await media.extractFrame(video, at, png)
  return readFile(png)
}

beforeAll(async () => {
  t = await startTestEmulator()
  dir = await mkdtemp(join(tmpdir(), 'fal-emulator-kling-'))
  startUrl = await t.upload(makePng(400, 300, { hue: 'red' }), 'image/png', 'start.png')
  endUrl = await t.upload(makePng(400, 300, { hue: 'blue' }), 'image/png', 'end.png')
})

afterAll(async () => {
  await t.emulator.stop()
  await rm(dir, { recursive: true, force: true })
})

beforeEach(async () => {
  await waitUntilIdle(t.emulator)
  t.emulator.resetStats()
})

describe('Kling O1 image-to-video', () => {
  it('fal.subscribe (polling, custom fetch) returns an MP4 of exactly the asked duration', async () => {
    const updates: string[] = []
    const result = await t.viaFetch.subscribe(KLING_O1_STANDARD_I2V, {
      input: {
        prompt: '@Image1 turns into @Image2',
        start_image_url: startUrl,
        end_image_url: endUrl,
        duration: '3',
      },
      pollInterval: 10,
      logs: true,
      onQueueUpdate: (u) => updates.push(u.status),
    })
    const video = (result.data as { video: Record<string, unknown> }).video
    expect(result.requestId).toMatch(/^[0-9a-f-]{36}$/)
    expect(video).toMatchObject({ content_type: 'video/mp4', file_name: 'output.mp4' })
    const info = await probeUrl(String(video.url))
    expect(info.durationSec).toBeCloseTo(3, 1)
    expect(info.codec).toBe('h264')
    expect(info.sizeBytes).toBe(video.file_size)
    // 400×300 start image, long side 96: the aspect ratio is kept.
    expect([info.width, info.height]).toEqual([96, 72])
    expect(updates.at(-1)).toBe('COMPLETED')
    expect(updates).toContain('IN_PROGRESS')
    const stats = t.emulator.stats()
    expect(stats.submits).toEqual({ [KLING_O1_STANDARD_I2V]: 1 })
    expect(stats.billedSeconds).toEqual({ [KLING_O1_STANDARD_I2V]: 3 })
  })

  it('carries its inputs: starts on the start image, ends on the end image, shows its prompt', async () => {
    const clipOf = async (prompt: string) => {
      const result = await t.viaFetch.subscribe(KLING_O1_STANDARD_I2V, {
        input: { prompt, start_image_url: startUrl, end_image_url: endUrl, duration: '3' },
        pollInterval: 10,
      })
      return download((result.data as { video: { url: string } }).video.url)
    }
    const [dawn, dusk] = [await clipOf('@Image1 at dawn'), await clipOf('@Image1 at dusk')]
    expect(await readFile(dawn)).not.toEqual(await readFile(dusk))
    expect(readPromptStripe(await frameOf(dawn, 1.5))).toEqual(promptStripe('@Image1 at dawn'))
    expect(readPromptStripe(await frameOf(dusk, 1.5))).toEqual(promptStripe('@Image1 at dusk'))
    expect(promptStripe('@Image1 at dawn')).not.toEqual(promptStripe('@Image1 at dusk'))
    // The inputs were 400×300; the clip is 96×72, so compare with the same pictures at that size.
    const [start, end] = [makePng(96, 72, { hue: 'red' }), makePng(96, 72, { hue: 'blue' })]
    expect(meanDifference(await frameOf(dusk, 'first'), start)).toBeLessThan(6)
    expect(meanDifference(await frameOf(dusk, 'last'), end)).toBeLessThan(6)
    expect(meanDifference(await frameOf(dusk, 'first'), end)).toBeGreaterThan(30)
  })

  it('fal.subscribe (streaming, proxyUrl) on the pro tier, without an end image', async () => {
    const updates: { status: string; logs?: unknown }[] = []
    const result = await t.viaProxy.subscribe(KLING_O1_PRO_I2V, {
      input: { prompt: 'slow push-in on @Image1', start_image_url: startUrl, duration: '4' },
      mode: 'streaming',
      logs: true,
      onQueueUpdate: (u) => updates.push(u as { status: string }),
    })
    const video = (result.data as { video: { url: string } }).video
    expect((await probeUrl(video.url)).durationSec).toBeCloseTo(4, 1)
    expect(updates.at(-1)?.status).toBe('COMPLETED')
    const last = updates.at(-1) as { logs: { message: string }[] }
    expect(last.logs.map((l) => l.message)).toContain(
      'Starting fal-ai/kling-video/o1/image-to-video',
    )
    expect(t.emulator.stats().billedSeconds).toEqual({ [KLING_O1_PRO_I2V]: 4 })
  })

  it("streams with connectionMode 'client' (token, then a direct fetch)", async () => {
    const result = await t.viaFetch.subscribe(KLING_O1_STANDARD_I2V, {
      input: { prompt: '@Image1', start_image_url: startUrl, duration: '3' },
      mode: 'streaming',
      connectionMode: 'client',
    })
    expect(result.data).toMatchObject({ video: { content_type: 'video/mp4' } })
  })

  it('accepts a data: URI as start image, like fal', async () => {
    const dataUri = `data:image/png;base64,${makePng(320, 400).toString('base64')}`
    const result = await t.viaFetch.subscribe(KLING_O1_STANDARD_I2V, {
      input: { prompt: '@Image1', start_image_url: dataUri, duration: '3' },
      pollInterval: 10,
    })
    const info = await probeUrl((result.data as { video: { url: string } }).video.url)
    // Portrait 320×400 → 76×96 (even sides, long side 96).
    expect([info.width, info.height]).toEqual([76, 96])
  })

  it('names start_image_url in a 422 for a 200×200 image, on the result call, unbilled', async () => {
    const small = await t.upload(makePng(200, 200), 'image/png')
    const { request_id } = await t.viaFetch.queue.submit(KLING_O1_STANDARD_I2V, {
      input: { prompt: 'x', start_image_url: small },
    })
    await t.viaFetch.queue.subscribeToStatus(KLING_O1_STANDARD_I2V, {
      requestId: request_id,
      pollInterval: 10,
    })
    const error = await validationErrorOf(
      t.viaFetch.queue.result(KLING_O1_STANDARD_I2V, { requestId: request_id }),
    )
    expect(error.status).toBe(422)
    expect(error.requestId).toBe(request_id)
    const [entry] = error.getFieldErrors('start_image_url')
    expect(entry).toMatchObject({ loc: ['body', 'start_image_url'], type: 'image_too_small' })
    expect(entry?.msg).toContain('300x300')
    const stats = t.emulator.stats()
    expect(stats.billedSeconds).toEqual({})
    expect(stats.failed).toEqual({ [KLING_O1_STANDARD_I2V]: 1 })
  })

  it('reports a missing prompt and a bad duration together at loc body.*', async () => {
    const error = await validationErrorOf(
      t.viaFetch.subscribe(KLING_O1_STANDARD_I2V, {
        input: { start_image_url: startUrl, duration: '11' } as unknown as {
          prompt: string
          start_image_url: string
        },
        pollInterval: 10,
      }),
    )
    const detail = (error.body as { detail: { loc: string[]; type: string }[] }).detail
    expect(detail.map((d) => [d.loc, d.type])).toEqual([
      [['body', 'prompt'], 'missing'],
      [['body', 'duration'], 'enum'],
    ])
  })

  it.each([
    ['a URL that 404s', 'missing', 'file_download_error'],
    ['bytes that are not an image', 'text', 'image_load_error'],
    ['an image too narrow (1000×300)', 'narrow', 'image_aspect_ratio_error'],
    ['a file over 10 MB', 'huge', 'file_too_large'],
  ])('rejects %s as end_image_url with %s', async (_name, kind, type) => {
    const url =
      kind === 'missing'
        ? `${t.emulator.url}/cdn/nope/missing.png`
        : kind === 'text'
          ? await t.upload(Buffer.from('hello, not a picture'), 'image/png')
          : kind === 'narrow'
            ? await t.upload(makePng(1000, 300), 'image/png')
            : await t.upload(makePng(1900, 1900, { noise: true }), 'image/png')
    const error = await validationErrorOf(
      t.viaFetch.subscribe(KLING_O1_STANDARD_I2V, {
        input: { prompt: 'x', start_image_url: startUrl, end_image_url: url },
        pollInterval: 10,
      }),
    )
    expect(error.getFieldErrors('start_image_url')).toEqual([])
    expect(error.getFieldErrors('end_image_url')).toMatchObject([
      { type, loc: ['body', 'end_image_url'] },
    ])
  })
})
