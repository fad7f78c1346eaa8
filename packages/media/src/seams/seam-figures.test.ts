import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createMediaTools } from '../create-media-tools.ts'
import { ffmpeg, makeImage, makeTempDir, SLOW_MS } from '../testing/fixtures.ts'
import { seamProblems } from './seam-problems.ts'

const media = createMediaTools()

describe('seamFigures', { timeout: SLOW_MS }, () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>
  let start: string
  const path = (name: string) => join(temp.dir, name)

  beforeAll(async () => {
    temp = await makeTempDir()
    start = await makeImage(path('start.png'), 'testsrc2', 640, 360)
  }, SLOW_MS)
  afterAll(() => temp.cleanup())

  it('gives a picture against itself SSIM 1, no PSNR and no colour difference', async () => {
    expect(await media.seamFigures(start, start)).toEqual({ ssim: 1, psnr: null, deltaE: 0 })
  })

  it('passes a chained cut and flags a cut to an unrelated picture', async () => {
    // Shot 2 starts on shot 1's last frame, as a chain does.
    const one = path('one.mp4')
    await media.renderTransition(
      { start, durationSec: 2, width: 640, height: 360, variant: 1 },
      one,
    )
    const last = path('one-last.png')
    await media.extractFrame(one, 'last', last)
    const two = path('two.mp4')
    await media.renderTransition(
      { start: last, durationSec: 2, width: 640, height: 360, variant: 2 },
      two,
    )
    const first = path('two-first.png')
    await media.extractFrame(two, 'first', first)
    const cut = await media.seamFigures(last, first)
    expect(cut.ssim).toBeGreaterThan(0.98)
    expect(cut.deltaE).toBeLessThan(1.5)
    expect(seamProblems(cut)).toEqual([])

    const other = await makeImage(path('other.png'), 'mandelbrot', 640, 360)
    const jump = await media.seamFigures(last, other)
    expect(jump.ssim).toBeLessThan(0.7)
    expect(jump.psnr).toBeLessThan(20)
    expect(seamProblems(jump)).toHaveLength(2)
  })

  it('sees a colour shift that keeps the structure as colour drift only', async () => {
    const shifted = path('shifted.png')
    await ffmpeg('-i', start, '-vf', 'hue=h=40', shifted)
    const figures = await media.seamFigures(start, shifted)
    expect(figures.deltaE).toBeGreaterThan(8)
    expect(seamProblems(figures)).toEqual([expect.stringContaining('colours')])
  })

  it('scales the second picture to the first one’s size', async () => {
    const small = path('small.jpg')
    await ffmpeg('-i', start, '-vf', 'scale=320:180', small)
    const figures = await media.seamFigures(start, small)
    expect(figures.ssim).toBeGreaterThan(0.95)
    expect(figures.deltaE).toBeLessThan(2)
  })

  it('rejects a missing file with validation, naming it', async () => {
    const missing = path('missing.png')
    await expect(media.seamFigures(start, missing)).rejects.toMatchObject({
      code: 'validation',
      message: expect.stringContaining(missing),
    })
  })
})
