import { chmod, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createMediaTools } from '../create-media-tools.ts'
import { makeClip, makeImage, makeTempDir, SLOW_MS, testBinaries } from '../testing/fixtures.ts'

describe('ffmpeg failures and cancellation', { timeout: SLOW_MS }, () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>
  let clip: string
  const path = (name: string) => join(temp.dir, name)

  beforeAll(async () => {
    temp = await makeTempDir()
    clip = await makeClip(path('clip.mp4'), { width: 160, height: 120, fps: 10, durationSec: 1 })
  }, SLOW_MS)
  afterAll(() => temp.cleanup())

  it('reports a crashing ffmpeg as internal, with its last stderr lines', async () => {
    const fake = path('crashing-ffmpeg')
    await writeFile(
      fake,
      '#!/bin/sh\necho "frame=   12 fps=0.0" >&2\necho "[h264 @ 0x1] decode_slice_header error" >&2\n' +
        'echo "Conversion failed!" >&2\nexit 1\n',
    )
    await chmod(fake, 0o755)
    const media = createMediaTools({ ffmpegPath: fake, ffprobePath: testBinaries().ffprobe })
    const error = await media.extractFrame(clip, 'last', path('out.png')).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'internal' })
    expect((error as Error).message).toContain('decode_slice_header error | Conversion failed!')
    expect(await readdir(temp.dir)).not.toContain('out.png')
  })

  it('reports an ffmpeg that cannot be started as internal', async () => {
    const media = createMediaTools({
      ffmpegPath: path('no-such-ffmpeg'),
      ffprobePath: testBinaries().ffprobe,
    })
    await expect(media.extractFrame(clip, 'first', path('out.png'))).rejects.toMatchObject({
      code: 'internal',
      message: expect.stringContaining('could not run'),
    })
  })

  it('kills ffmpeg when the signal fires and leaves no partial file', async () => {
    const media = createMediaTools()
    const start = await makeImage(path('start.png'), 'testsrc2', 1280, 720)
    const controller = new AbortController()
    // Long enough (60 s of 720p) that it cannot finish before the abort.
    const running = media.renderTransition(
      { start, end: start, durationSec: 60, width: 1280, height: 720 },
      path('long.mp4'),
      { signal: controller.signal },
    )
    setTimeout(() => controller.abort(), 300)
    await expect(running).rejects.toMatchObject({ code: 'cancelled' })
    const left = await readdir(temp.dir)
    expect(left.filter((f) => f.includes('long.mp4'))).toEqual([])
  })

  it('does not start when the signal has already fired', async () => {
    const media = createMediaTools()
    const controller = new AbortController()
    controller.abort()
    await expect(media.probe(clip, { signal: controller.signal })).rejects.toMatchObject({
      code: 'cancelled',
    })
    await expect(
      media.concat([clip, clip], path('never.mp4'), { signal: controller.signal }),
    ).rejects.toMatchObject({ code: 'cancelled' })
  })
})
