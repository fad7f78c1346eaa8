import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { probeImageBytes } from '../bytes/probe-image-bytes.ts'
import { createMediaTools } from '../create-media-tools.ts'
import { makeClip, makeImage, makeTempDir, SLOW_MS } from '../testing/fixtures.ts'

const media = createMediaTools()

describe('thumbnail', { timeout: SLOW_MS }, () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>
  const path = (name: string) => join(temp.dir, name)

  beforeAll(async () => {
    temp = await makeTempDir()
  }, SLOW_MS)
  afterAll(() => temp.cleanup())

  it('makes a JPEG poster of a video that fits the largest side', async () => {
    const clip = await makeClip(path('clip.mp4'), {
      width: 320,
      height: 240,
      fps: 10,
      durationSec: 2,
    })
    expect(await media.thumbnail(clip, path('poster.jpg'), 100)).toEqual({ width: 100, height: 75 })
    expect(probeImageBytes(await readFile(path('poster.jpg')))).toEqual({
      format: 'jpeg',
      width: 100,
      height: 75,
    })
  })

  it('fits a tall image by its height and never enlarges a small one', async () => {
    const tall = await makeImage(path('tall.png'), 'testsrc', 200, 400)
    expect(await media.thumbnail(tall, path('tall-thumb.png'), 100)).toEqual({
      width: 50,
      height: 100,
    })
    const small = await makeImage(path('small.png'), 'testsrc', 64, 48)
    expect(await media.thumbnail(small, path('small-thumb.png'), 100)).toEqual({
      width: 64,
      height: 48,
    })
  })

  it('rejects other output formats and sizes below 1', async () => {
    const image = await makeImage(path('i.png'), 'testsrc', 64, 48)
    await expect(media.thumbnail(image, path('t.gif'), 100)).rejects.toMatchObject({
      code: 'validation',
    })
    await expect(media.thumbnail(image, path('t.png'), 0)).rejects.toMatchObject({
      code: 'validation',
    })
  })
})
