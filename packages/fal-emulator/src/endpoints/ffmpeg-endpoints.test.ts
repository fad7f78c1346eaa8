import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ValidationError } from '@fal-ai/client'
import { createMediaTools } from '@shotchain/media'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makePng } from '../testing/png.ts'
import { startTestEmulator, type TestEmulator } from '../testing/test-emulator.ts'
import { FFMPEG_EXTRACT_FRAME } from './extract-frame.ts'
import { FFMPEG_MERGE_VIDEOS } from './merge-videos.ts'

const media = createMediaTools()
let t: TestEmulator
let dir: string
let clipA: string
let clipB: string
const startPng = () => join(dir, 'start.png')
const endPng = () => join(dir, 'end.png')

async function download(url: string, name: string): Promise<string> {
  const file = join(dir, name)
  await writeFile(file, Buffer.from(await (await fetch(url)).arrayBuffer()))
  return file
}

async function clip(name: string, durationSec: number, width: number, height: number, fps: number) {
  const file = join(dir, name)
  await media.renderTransition(
    { start: startPng(), end: endPng(), durationSec, width, height, fps },
    file,
  )
  return t.upload(await readFile(file), 'video/mp4', name)
}

beforeAll(async () => {
  t = await startTestEmulator()
  dir = await mkdtemp(join(tmpdir(), 'fal-emulator-ffmpeg-'))
  await writeFile(startPng(), makePng(128, 96, { hue: 'red' }))
  await writeFile(endPng(), makePng(128, 96, { hue: 'blue' }))
  ;[clipA, clipB] = await Promise.all([clip('a.mp4', 2, 128, 96, 12), clip('b.mp4', 1, 64, 64, 24)])
})

afterAll(async () => {
  await t.emulator.stop()
  await rm(dir, { recursive: true, force: true })
})

describe('fal-ai/ffmpeg-api/extract-frame', () => {
  it.each([
    ['first', startPng],
    ['last', endPng],
  ] as const)('returns the %s frame as a PNG with its size', async (frameType, expected) => {
    const { data } = await t.viaFetch.subscribe(FFMPEG_EXTRACT_FRAME, {
      input: { video_url: clipA, frame_type: frameType },
      pollInterval: 10,
    })
    const [image] = (data as { images: Record<string, unknown>[] }).images
    expect(image).toMatchObject({ content_type: 'image/png', width: 128, height: 96 })
    const frame = await download(String(image?.url), `${frameType}.png`)
    expect(await media.psnr(frame, expected())).toBeGreaterThan(30)
  })

  it('takes the middle frame, which is neither end', async () => {
    const { data } = await t.viaProxy.subscribe(FFMPEG_EXTRACT_FRAME, {
      input: { video_url: clipA, frame_type: 'middle' },
      pollInterval: 10,
    })
    const frame = await download(
      String((data as { images: { url: string }[] }).images[0]?.url),
      'middle.png',
    )
    expect(await media.psnr(frame, startPng())).toBeLessThan(30)
    expect(await media.psnr(frame, endPng())).toBeLessThan(30)
  })

  it('answers a 422 on video_url for a file that is not a video', async () => {
    const notVideo = await t.upload(makePng(64, 64), 'image/png')
    const error = await t.viaFetch
      .subscribe(FFMPEG_EXTRACT_FRAME, { input: { video_url: notVideo }, pollInterval: 10 })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ValidationError)
    expect((error as ValidationError).getFieldErrors('video_url')).toMatchObject([
      { type: 'video_load_error' },
    ])
  })
})

describe('fal-ai/ffmpeg-api/merge-videos', () => {
  it('joins clips of different sizes and rates into one video at the asked resolution and fps', async () => {
    const { data } = await t.viaFetch.subscribe(FFMPEG_MERGE_VIDEOS, {
      input: {
        video_urls: [clipA, clipB],
        target_fps: 10,
        resolution: { width: 512, height: 512 },
      },
      pollInterval: 10,
    })
    const { video, metadata } = data as {
      video: { url: string; content_type: string }
      metadata: Record<string, unknown>
    }
    expect(video.content_type).toBe('video/mp4')
    const info = await media.probe(await download(video.url, 'merged.mp4'))
    expect(info.durationSec).toBeGreaterThan(2.9)
    expect(info.durationSec).toBeLessThan(3.1)
    expect([info.width, info.height, info.fps]).toEqual([512, 512, 10])
    expect(metadata).toMatchObject({ num_videos: 2, resolution: { width: 512, height: 512 } })
    expect(t.emulator.stats().billedSeconds).toEqual({})
  })

  it('validates like fal: at least two URLs, resolution sides within 512..2048', async () => {
    const error = await t.viaFetch
      .subscribe(FFMPEG_MERGE_VIDEOS, {
        input: { video_urls: [clipA], resolution: { width: 100, height: 512 } },
        pollInterval: 10,
      })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ValidationError)
    const detail = (error as ValidationError).body.detail as { loc: unknown[]; type: string }[]
    expect(detail.map((d) => [d.loc, d.type])).toEqual([
      [['body', 'video_urls'], 'too_short'],
      [['body', 'resolution', 'width'], 'greater_than_equal'],
    ])
  })
})
