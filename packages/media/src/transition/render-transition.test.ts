import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createMediaTools } from '../create-media-tools.ts'
import { makeClip, makeImage, makeTempDir, SLOW_MS } from '../testing/fixtures.ts'

const media = createMediaTools()

describe('renderTransition', { timeout: SLOW_MS }, () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>
  let start: string
  let end: string
  const path = (name: string) => join(temp.dir, name)

  beforeAll(async () => {
    temp = await makeTempDir()
    // Two busy, unrelated pictures: any zoom, offset or blend left on an end frame costs many dB.
    start = await makeImage(path('start.png'), 'testsrc2', 640, 360)
    end = await makeImage(path('end.png'), 'mandelbrot', 640, 360)
  }, SLOW_MS)
  afterAll(() => temp.cleanup())

  it('starts on the start image and ends on the end image', async () => {
    const clip = path('a-to-b.mp4')
    const result = await media.renderTransition(
      { start, end, durationSec: 3, width: 640, height: 360 },
      clip,
    )
    expect(result).toEqual({ frames: 72, durationSec: 3 })
    await media.extractFrame(clip, 'first', path('first.png'))
    await media.extractFrame(clip, 'last', path('last.png'))
    // Compared in the clip's own yuv420p: 4:2:0 chroma is all H.264 here can keep of an RGB image.
    // 40 dB: the first frame is the image itself, not one step into the zoom (that was 27.9 dB).
    expect(await media.psnr(path('first.png'), start)).toBeGreaterThanOrEqual(40)
    expect(await media.psnr(path('last.png'), end)).toBeGreaterThanOrEqual(40)
    expect(
      await media.psnr(path('first.png'), start, { pixelFormat: 'gray' }),
    ).toBeGreaterThanOrEqual(40)
    expect(await media.psnr(path('last.png'), end, { pixelFormat: 'gray' })).toBeGreaterThanOrEqual(
      30,
    )
    // The comparison tells the pictures apart, and the middle is neither.
    expect(await media.psnr(path('last.png'), start)).toBeLessThan(20)
    await media.extractFrame(clip, 1.5, path('middle.png'))
    expect(await media.psnr(path('middle.png'), end)).toBeLessThan(25)
    expect(await media.psnr(path('middle.png'), start)).toBeLessThan(25)
  })

  it('reaches the end colour exactly on the last frame, not a frame later', async () => {
    // Flat colours survive H.264 almost untouched (~50 dB), so even a 1/72 leftover of the start
    // colour (a fade one frame too long) drops the last frame below 45 dB.
    const dark = await makeImage(path('dark.png'), 'color=c=0x203040', 160, 90)
    const light = await makeImage(path('light.png'), 'color=c=0xe0d0c0', 160, 90)
    const clip = path('flat.mp4')
    await media.renderTransition(
      { start: dark, end: light, durationSec: 3, width: 160, height: 90 },
      clip,
    )
    await media.extractFrame(clip, 'first', path('flat-first.png'))
    await media.extractFrame(clip, 'last', path('flat-last.png'))
    expect(await media.psnr(path('flat-first.png'), dark)).toBeGreaterThanOrEqual(47)
    expect(await media.psnr(path('flat-last.png'), light)).toBeGreaterThanOrEqual(47)
  })

  it.each([3, 10])(
    'lasts exactly %i s as an H.264 yuv420p MP4 with the index up front',
    async (seconds) => {
      const clip = path(`${seconds}s.mp4`)
      await media.renderTransition(
        { start, end, durationSec: seconds, width: 160, height: 90, fps: 24 },
        clip,
      )
      const info = await media.probe(clip)
      expect(info).toMatchObject({
        kind: 'video',
        codec: 'h264',
        width: 160,
        height: 90,
        fps: 24,
        hasAudio: false,
      })
      expect(Math.abs(info.durationSec - seconds)).toBeLessThanOrEqual(1 / 24)
      // faststart: the movie index (moov) comes before the media data (mdat).
      const bytes = (await readFile(clip)).toString('latin1')
      expect(bytes.indexOf('moov')).toBeGreaterThan(0)
      expect(bytes.indexOf('moov')).toBeLessThan(bytes.indexOf('mdat'))
    },
  )

  it('drifts from the start image when there is no end image', async () => {
    const small = await makeImage(path('small.png'), 'testsrc2', 320, 180)
    const clip = path('drift.mp4')
    const result = await media.renderTransition(
      { start: small, durationSec: 3, width: 320, height: 180, fps: 12 },
      clip,
    )
    expect(result.frames).toBe(36)
    await media.extractFrame(clip, 'first', path('drift-first.png'))
    await media.extractFrame(clip, 'last', path('drift-last.png'))
    expect(await media.psnr(path('drift-first.png'), small)).toBeGreaterThanOrEqual(40)
    expect(await media.psnr(path('drift-last.png'), small)).toBeLessThan(25)
  })

  it('scales an image of another shape to cover the frame', async () => {
    const tall = await makeImage(path('tall.png'), 'testsrc2', 200, 400)
    const clip = path('tall.mp4')
    await media.renderTransition(
      { start: tall, end, durationSec: 1, width: 320, height: 180 },
      clip,
    )
    expect(await media.probe(clip)).toMatchObject({ width: 320, height: 180 })
  })

  it('rejects odd sizes, too short clips, missing images and videos as images', async () => {
    const spec = { start, end, durationSec: 3, width: 320, height: 180 }
    await expect(
      media.renderTransition({ ...spec, width: 321 }, path('x.mp4')),
    ).rejects.toMatchObject({
      code: 'validation',
      message: expect.stringContaining('width'),
    })
    await expect(
      media.renderTransition({ ...spec, variant: 1.5 }, path('x.mp4')),
    ).rejects.toMatchObject({ code: 'validation', message: expect.stringContaining('variant') })
    await expect(
      media.renderTransition({ ...spec, durationSec: 0.01 }, path('x.mp4')),
    ).rejects.toMatchObject({
      code: 'validation',
    })
    const missing = path('missing.png')
    await expect(
      media.renderTransition({ ...spec, end: missing }, path('x.mp4')),
    ).rejects.toMatchObject({
      code: 'validation',
      message: `File not found: ${missing}`,
    })
    const video = await makeClip(path('v.mp4'), {
      width: 64,
      height: 64,
      fps: 10,
      durationSec: 0.5,
    })
    await expect(
      media.renderTransition({ ...spec, start: video }, path('x.mp4')),
    ).rejects.toMatchObject({
      code: 'validation',
      message: expect.stringContaining(video),
    })
  })
})
