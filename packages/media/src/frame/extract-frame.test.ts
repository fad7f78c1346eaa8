import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createMediaTools } from '../create-media-tools.ts'
import { ffmpeg, makeClip, makeImage, makeTempDir, SLOW_MS } from '../testing/fixtures.ts'

const media = createMediaTools()

/** Frame `n` decoded the slow way: every frame from the start, picked by index. */
async function decodeFrame(video: string, n: number, out: string): Promise<string> {
  await ffmpeg(
    '-i',
    video,
    '-vf',
    `select=eq(n\\,${n})`,
    '-vsync',
    '0',
    '-frames:v',
    '1',
    '-pix_fmt',
    'rgb24',
    out,
  )
  return out
}

describe('extractFrame', { timeout: SLOW_MS }, () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>
  let clip: string
  const path = (name: string) => join(temp.dir, name)

  beforeAll(async () => {
    temp = await makeTempDir()
    // testsrc2 draws a frame counter, so neighbouring frames differ; 4 s at 30 fps with x264's
    // defaults (B-frames, one keyframe) means the end is reached only by decoding from 0.
    clip = await makeClip(path('counter.mp4'), { width: 320, height: 240, fps: 30, durationSec: 4 })
  }, SLOW_MS)
  afterAll(() => temp.cleanup())

  it('gives the true last frame, not one shortly before it', async () => {
    const size = await media.extractFrame(clip, 'last', path('last.png'))
    expect(size).toEqual({ width: 320, height: 240 })
    const truth = await decodeFrame(clip, 119, path('truth-119.png'))
    const before = await decodeFrame(clip, 118, path('truth-118.png'))
    expect(await media.psnr(path('last.png'), truth, { pixelFormat: 'rgb24' })).toBe(
      Number.POSITIVE_INFINITY,
    )
    expect(await media.psnr(path('last.png'), before, { pixelFormat: 'rgb24' })).toBeLessThan(40)
  })

  it('gives the first frame', async () => {
    await media.extractFrame(clip, 'first', path('first.png'))
    const truth = await decodeFrame(clip, 0, path('truth-0.png'))
    expect(await media.psnr(path('first.png'), truth, { pixelFormat: 'rgb24' })).toBe(
      Number.POSITIVE_INFINITY,
    )
  })

  it('gives the first frame at or after a time', async () => {
    await media.extractFrame(clip, 2, path('at-2s.png'))
    const truth = await decodeFrame(clip, 60, path('truth-60.png'))
    expect(await media.psnr(path('at-2s.png'), truth, { pixelFormat: 'rgb24' })).toBe(
      Number.POSITIVE_INFINITY,
    )
  })

  it('gives the last frame for a time inside it', async () => {
    await media.extractFrame(clip, 3.99, path('at-end.png'))
    expect(await media.psnr(path('at-end.png'), path('last.png'), { pixelFormat: 'rgb24' })).toBe(
      Number.POSITIVE_INFINITY,
    )
  })

  it('finds the last video frame when the audio runs on past it', async () => {
    const longAudio = await makeClip(path('long-audio.mp4'), {
      width: 160,
      height: 120,
      fps: 25,
      durationSec: 2,
      audioSec: 3,
    })
    expect((await media.probe(longAudio)).durationSec).toBeGreaterThan(2.5)
    await media.extractFrame(longAudio, 'last', path('long-audio-last.png'))
    const truth = await decodeFrame(longAudio, 49, path('long-audio-49.png'))
    expect(await media.psnr(path('long-audio-last.png'), truth)).toBe(Number.POSITIVE_INFINITY)
  })

  it.each([1, 2, 3])('handles a clip of %i frame(s)', async (frames) => {
    const short = await makeClip(path(`short-${frames}.mp4`), {
      width: 160,
      height: 120,
      fps: 30,
      durationSec: frames / 30,
    })
    await media.extractFrame(short, 'last', path(`short-${frames}.png`))
    const truth = await decodeFrame(short, frames - 1, path(`short-${frames}-truth.png`))
    expect(await media.psnr(path(`short-${frames}.png`), truth)).toBe(Number.POSITIVE_INFINITY)
  })

  it('rejects a time past the end, an image and a text file, naming the file', async () => {
    await expect(media.extractFrame(clip, 9, path('x.png'))).rejects.toMatchObject({
      code: 'validation',
      message: expect.stringContaining(clip),
    })
    const image = await makeImage(path('still.png'), 'testsrc', 64, 64)
    await expect(media.extractFrame(image, 'last', path('x.png'))).rejects.toMatchObject({
      code: 'validation',
      message: `${image} is an image (png), not a video`,
    })
    const text = path('clip.mp4.txt')
    await writeFile(text, 'not a video')
    await expect(media.extractFrame(text, 'last', path('x.png'))).rejects.toMatchObject({
      code: 'validation',
      message: expect.stringContaining(`${text} is not a video or an image`),
    })
  })
})
