import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createMediaTools } from '../create-media-tools.ts'
import { makeClip, makeImage, makeTempDir, SLOW_MS } from '../testing/fixtures.ts'

const media = createMediaTools()

describe('probe', { timeout: SLOW_MS }, () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>
  beforeAll(async () => {
    temp = await makeTempDir()
  }, SLOW_MS)
  afterAll(() => temp.cleanup())

  it('reports duration, size, frame rate, codec and audio of a clip', async () => {
    const file = await makeClip(join(temp.dir, 'sound.mp4'), {
      width: 320,
      height: 180,
      fps: 25,
      durationSec: 2,
      audioSec: 2,
    })
    const info = await media.probe(file)
    expect(info).toMatchObject({
      kind: 'video',
      width: 320,
      height: 180,
      fps: 25,
      codec: 'h264',
      hasAudio: true,
    })
    expect(info.durationSec).toBeCloseTo(2, 1)
    expect(info.sizeBytes).toBeGreaterThan(1000)
  })

  it('reports a silent clip as having no audio', async () => {
    const file = await makeClip(join(temp.dir, 'silent.mp4'), {
      width: 64,
      height: 64,
      fps: 30,
      durationSec: 1,
    })
    expect(await media.probe(file)).toMatchObject({ hasAudio: false, fps: 30 })
  })

  it('reports an image with no duration', async () => {
    const file = await makeImage(join(temp.dir, 'still.png'), 'mandelbrot', 300, 200)
    expect(await media.probe(file)).toMatchObject({
      kind: 'image',
      width: 300,
      height: 200,
      durationSec: 0,
      fps: 0,
      codec: 'png',
    })
  })

  it('names a missing file in a validation error', async () => {
    const missing = join(temp.dir, 'nope.mp4')
    await expect(media.probe(missing)).rejects.toMatchObject({
      code: 'validation',
      message: `File not found: ${missing}`,
    })
  })

  it('names a text file in a validation error', async () => {
    const text = join(temp.dir, 'notes.mp4')
    await writeFile(text, 'these are my notes, not a video\n'.repeat(20))
    const error = await media.probe(text).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'validation' })
    expect((error as Error).message).toContain(`${text} is not a video or an image`)
  })

  it('rejects a folder', async () => {
    await expect(media.probe(temp.dir)).rejects.toMatchObject({ code: 'validation' })
  })
})
