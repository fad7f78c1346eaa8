import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createMediaTools } from '../create-media-tools.ts'
import { ffmpeg, makeClip, makeImage, makeTempDir, SLOW_MS } from '../testing/fixtures.ts'

const media = createMediaTools()

describe('concat', { timeout: SLOW_MS }, () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>
  const path = (name: string) => join(temp.dir, name)

  beforeAll(async () => {
    temp = await makeTempDir()
  }, SLOW_MS)
  afterAll(() => temp.cleanup())

  it(
    'joins a 3 s 320×180 clip and a 5 s 240×240 clip into 8 s at the first clip’s size',
    async () => {
      const [wide, square] = await Promise.all([
        makeClip(path('wide.mp4'), {
          width: 320,
          height: 180,
          fps: 24,
          durationSec: 3,
          extra: ['-preset', 'ultrafast'],
        }),
        makeClip(path('square.mp4'), {
          width: 240,
          height: 240,
          fps: 30,
          durationSec: 5,
          extra: ['-preset', 'ultrafast'],
        }),
      ])
      const out = path('sequence.mp4')
      const result = await media.concat([wide, square], out)
      expect(result).toEqual({ mode: 'filter', width: 320, height: 180 })
      const info = await media.probe(out)
      expect(info).toMatchObject({
        codec: 'h264',
        width: 320,
        height: 180,
        fps: 24,
        hasAudio: false,
      })
      expect(Math.abs(info.durationSec - 8)).toBeLessThanOrEqual(0.1)
      // The square clip is pillarboxed: 180×180 in the middle, black bars of 70 px either side.
      await media.extractFrame(out, 7, path('seq-7s.png'))
      await ffmpeg('-i', path('seq-7s.png'), '-vf', 'crop=66:180:0:0', path('left-bar.png'))
      await ffmpeg('-i', path('seq-7s.png'), '-vf', 'crop=174:174:73:3', path('middle.png'))
      const black = (w: number, h: number) =>
        makeImage(path(`black-${w}.png`), 'color=c=black', w, h)
      expect(await media.psnr(path('left-bar.png'), await black(66, 180))).toBeGreaterThan(40)
      expect(await media.psnr(path('middle.png'), await black(174, 174))).toBeLessThan(20)
    },
    2 * SLOW_MS,
  )

  it('keeps audio and fills silent clips with silence', async () => {
    const [loud, quiet] = await Promise.all([
      makeClip(path('loud.mp4'), { width: 320, height: 240, fps: 25, durationSec: 2, audioSec: 2 }),
      makeClip(path('quiet.mp4'), { width: 320, height: 240, fps: 25, durationSec: 1 }),
    ])
    const out = path('loud-quiet.mp4')
    expect((await media.concat([quiet, loud], out)).mode).toBe('filter')
    const info = await media.probe(out)
    expect(info.hasAudio).toBe(true)
    expect(Math.abs(info.durationSec - 3)).toBeLessThanOrEqual(0.1)
  })

  it('stream-copies clips that already match', async () => {
    const clips = await Promise.all(
      [1, 2, 3].map((i) =>
        makeClip(path(`same-${i}.mp4`), { width: 320, height: 180, fps: 30, durationSec: i }),
      ),
    )
    const out = path('same.mp4')
    expect(await media.concat(clips, out)).toEqual({ mode: 'copy', width: 320, height: 180 })
    const info = await media.probe(out)
    expect(Math.abs(info.durationSec - 6)).toBeLessThanOrEqual(0.1)
    // Stream copy keeps every frame bit for bit: the last frame is the third clip's last frame.
    await media.extractFrame(out, 'last', path('same-last.png'))
    await media.extractFrame(clips[2] ?? '', 'last', path('third-last.png'))
    expect(await media.psnr(path('same-last.png'), path('third-last.png'))).toBe(
      Number.POSITIVE_INFINITY,
    )
  })

  it('re-encodes matching clips when asked for another size or frame rate', async () => {
    const clip = await makeClip(path('one.mp4'), {
      width: 320,
      height: 180,
      fps: 30,
      durationSec: 1,
    })
    const out = path('resized.mp4')
    expect(await media.concat([clip, clip], out, { width: 640, height: 480, fps: 15 })).toEqual({
      mode: 'filter',
      width: 640,
      height: 480,
    })
    const info = await media.probe(out)
    expect(info).toMatchObject({ width: 640, height: 480, fps: 15 })
    expect(Math.abs(info.durationSec - 2)).toBeLessThanOrEqual(0.1)
  })

  it('rejects an empty list, a missing clip and a text file, naming the file', async () => {
    await expect(media.concat([], path('x.mp4'))).rejects.toMatchObject({ code: 'validation' })
    const clip = await makeClip(path('ok.mp4'), {
      width: 64,
      height: 64,
      fps: 10,
      durationSec: 0.5,
    })
    const missing = path('missing.mp4')
    await expect(media.concat([clip, missing], path('x.mp4'))).rejects.toMatchObject({
      code: 'validation',
      message: `File not found: ${missing}`,
    })
    const text = path('shot.mp4')
    await writeFile(text, 'I am a text file')
    await expect(media.concat([clip, text], path('x.mp4'))).rejects.toMatchObject({
      code: 'validation',
      message: expect.stringContaining(`${text} is not a video or an image`),
    })
  })
})
