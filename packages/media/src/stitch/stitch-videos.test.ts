import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createMediaTools } from '../create-media-tools.ts'
import type { EditList } from '../edit-list/edit-list.ts'
import { runFfmpeg, runTool } from '../process/run-tool.ts'
import { ffmpeg, makeClip, makeTempDir, SLOW_MS, testBinaries } from '../testing/fixtures.ts'

const media = createMediaTools()
const rate = { numerator: 24, denominator: 1 }

/** Mean luma (0–255) of every frame, in order. */
async function lumaPerFrame(video: string): Promise<number[]> {
  const graph = 'signalstats,metadata=mode=print:key=lavfi.signalstats.YAVG'
  const out = await runFfmpeg(
    testBinaries().ffmpeg,
    ['-v', 'info', '-i', video, '-vf', graph, '-f', 'null', '-'],
    'luma',
  )
  return [...out.stderr.matchAll(/YAVG=([\d.]+)/g)].map((m) => Number(m[1]))
}

/** Mean volume in dB of the audio from `fromSec` for `sec` seconds. */
async function meanVolume(file: string, fromSec: number, sec: number): Promise<number> {
  const args = ['-v', 'info', '-ss', String(fromSec), '-t', String(sec), '-i', file]
  const out = await runFfmpeg(
    testBinaries().ffmpeg,
    [...args, '-vn', '-af', 'volumedetect', '-f', 'null', '-'],
    'volume',
  )
  return Number(/mean_volume: (-?[\d.]+|-inf) dB/.exec(out.stderr)?.[1] ?? Number.NaN)
}

async function audioSeconds(file: string): Promise<number> {
  const args = ['-v', 'error', '-select_streams', 'a:0', '-show_entries', 'stream=duration']
  const out = await runTool(testBinaries().ffprobe, [...args, '-of', 'csv=p=0', file], 'audio')
  return Number(out.stdout.trim())
}

describe('stitch', { timeout: SLOW_MS }, () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>
  const path = (name: string) => join(temp.dir, name)
  let wide: string
  let square: string
  let dark: string
  let light: string
  let faster: string

  beforeAll(async () => {
    temp = await makeTempDir()
    const flat = (name: string, colour: string) =>
      makeClip(path(name), {
        source: `color=c=${colour}`,
        width: 160,
        height: 90,
        fps: 24,
        durationSec: 1,
      })
    ;[wide, square, dark, light, faster] = await Promise.all([
      makeClip(path('wide.mp4'), { width: 160, height: 90, fps: 24, durationSec: 1.5 }),
      makeClip(path('square.mp4'), {
        source: 'mandelbrot',
        width: 120,
        height: 120,
        fps: 24,
        durationSec: 1.5,
      }),
      flat('dark.mp4', '0x303030'),
      flat('light.mp4', '0xd0d0d0'),
      makeClip(path('faster.mp4'), { width: 160, height: 90, fps: 30, durationSec: 1.5 }),
    ])
  }, SLOW_MS)
  afterAll(() => temp.cleanup())

  it('trims to the frame and overlaps crossfades: exactly sum(out − in) − sum(fades) frames, any clip rate', async () => {
    const list: EditList = {
      name: 'trims',
      rate,
      clips: [
        {
          label: 'a',
          media: wide,
          frames: 36,
          in: 2,
          out: 34,
          next: { kind: 'crossfade', frames: 6 },
        },
        { label: 'b', media: square, frames: 36, in: 1, next: { kind: 'cut' } },
        { label: 'c', media: wide, frames: 36, out: 30, next: { kind: 'crossfade', frames: 5 } },
        { label: 'd', media: square, frames: 36, in: 3, out: 20 },
        // 30 fps: its 45 frames are 36 at the list's 24.
        { label: 'e', media: faster, frames: 36 },
      ],
    }
    const out = path('trims.mp4')
    const result = await media.stitch(list, out)
    const expected = 32 + 35 + 30 + 17 + 36 - 6 - 5
    expect(result).toEqual({
      frames: expected,
      durationSec: expected / 24,
      width: 160,
      height: 90,
      fps: 24,
    })
    expect(await media.countFrames(out)).toBe(expected)
    expect(await media.probe(out)).toMatchObject({
      codec: 'h264',
      width: 160,
      height: 90,
      fps: 24,
      hasAudio: false,
    })
  })

  it('blends across a crossfade, one even luma step a frame', async () => {
    const list: EditList = {
      name: 'fade',
      rate,
      clips: [
        { label: 'dark', media: dark, frames: 24, next: { kind: 'crossfade', frames: 8 } },
        { label: 'light', media: light, frames: 24 },
      ],
    }
    const out = path('fade.mp4')
    await media.stitch(list, out)
    const luma = await lumaPerFrame(out)
    expect(luma).toHaveLength(40)
    const low = luma[0] as number
    const high = luma[39] as number
    expect(high - low).toBeGreaterThan(100)
    // Frames 0–15 are dark only, 16–23 the overlap (weights 1/9 … 8/9), 24–39 light only.
    luma.forEach((y, i) => {
      const weight = Math.min(1, Math.max(0, (i - 15) / 9))
      expect(Math.abs(y - (low + (high - low) * weight)), `frame ${i}`).toBeLessThan(2)
    })
  })

  it('lays a longer soundtrack under the picture, cut to its length and faded out', async () => {
    const music = path('long.wav')
    await ffmpeg('-f', 'lavfi', '-t', '4', '-i', 'sine=f=440', music)
    const list: EditList = {
      name: 'music',
      rate,
      clips: [
        { label: 'a', media: wide, frames: 36 },
        { label: 'b', media: square, frames: 36 },
      ],
      soundtrack: { media: music, frames: 96, fadeOutFrames: 12 },
    }
    const out = path('music.mp4')
    await media.stitch(list, out)
    expect(await media.countFrames(out)).toBe(72)
    expect(Math.abs((await audioSeconds(out)) - 3)).toBeLessThan(0.05)
    // The last 12 frames (0.5 s) fade out: quieter than the steady tone before, silent at the end.
    const steady = await meanVolume(out, 1.5, 0.5)
    const fading = await meanVolume(out, 2.5, 0.5)
    expect(fading).toBeLessThan(steady - 3)
    expect(await meanVolume(out, 2.9, 0.1)).toBeLessThan(steady - 12)
  })

  it.each(['mp3', 'm4a'])(
    'pads a shorter %s soundtrack with silence to the picture’s length',
    async (kind) => {
      const music = path(`short.${kind}`)
      await ffmpeg('-f', 'lavfi', '-t', '1', '-i', 'sine=f=440', music)
      const list: EditList = {
        name: 'short',
        rate,
        clips: [
          { label: 'a', media: wide, frames: 36 },
          { label: 'b', media: square, frames: 36 },
        ],
        soundtrack: { media: music, frames: 24 },
      }
      const out = path(`short-${kind}.mp4`)
      await media.stitch(list, out)
      expect(Math.abs((await audioSeconds(out)) - 3)).toBeLessThan(0.05)
      expect(await meanVolume(out, 0.2, 0.6)).toBeGreaterThan(-30)
      expect(await meanVolume(out, 1.5, 1)).toBeLessThan(-80)
    },
  )

  it('rejects a trim beyond a clip, naming the field, and a soundtrack without sound', async () => {
    const clips = [{ label: 'a', media: wide, frames: 36, out: 40 }]
    await expect(media.stitch({ name: 'bad', rate, clips }, path('x.mp4'))).rejects.toMatchObject({
      code: 'validation',
      field: 'clips[0].out',
    })
    const soundtrack = { media: wide, frames: 36 }
    await expect(
      media.stitch(
        { name: 'mute', rate, clips: [{ label: 'a', media: wide, frames: 36 }], soundtrack },
        path('x.mp4'),
      ),
    ).rejects.toMatchObject({ code: 'validation', message: expect.stringContaining(wide) })
  })
})
