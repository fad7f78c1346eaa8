import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createMediaTools } from '../create-media-tools.ts'
import { makeImage, makeTempDir, SLOW_MS } from '../testing/fixtures.ts'

const media = createMediaTools()

describe('countFrames and repeatsAtCut', { timeout: SLOW_MS }, () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>
  const path = (name: string) => join(temp.dir, name)
  let shot1: string
  let shot2: string

  beforeAll(async () => {
    temp = await makeTempDir()
    const size = { width: 320, height: 180, fps: 24 }
    const [a, b, c] = await Promise.all([
      makeImage(path('a.png'), 'testsrc2', 320, 180),
      makeImage(path('b.png'), 'mandelbrot', 320, 180),
      makeImage(path('c.png'), 'smptebars', 320, 180),
    ])
    // A chain as the emulator makes one: shot 2 starts on shot 1's last frame.
    shot1 = path('shot1.mp4')
    await media.renderTransition({ start: a, end: b, durationSec: 2, ...size }, shot1)
    await media.extractFrame(shot1, 'last', path('shot1-last.png'))
    shot2 = path('shot2.mp4')
    await media.renderTransition(
      { start: path('shot1-last.png'), end: c, durationSec: 1.5, ...size },
      shot2,
    )
  }, SLOW_MS)
  afterAll(() => temp.cleanup())

  it('counts every frame', async () => {
    expect(await media.countFrames(shot1)).toBe(48)
    expect(await media.countFrames(shot2)).toBe(36)
    await expect(media.countFrames(path('a.png'))).rejects.toMatchObject({ code: 'validation' })
  })

  it('sees the repeated picture at a chained cut, and none the other way round', async () => {
    expect(await media.repeatsAtCut(shot1, shot2)).toBe(true)
    expect(await media.repeatsAtCut(shot2, shot1)).toBe(false)
  })
})
