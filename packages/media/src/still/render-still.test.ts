import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createMediaTools } from '../create-media-tools.ts'
import { makeClip, makeImage, makeTempDir, SLOW_MS } from '../testing/fixtures.ts'

const media = createMediaTools()

describe('renderStill', { timeout: SLOW_MS }, () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>
  const path = (name: string) => join(temp.dir, name)

  beforeAll(async () => {
    temp = await makeTempDir()
  })
  afterAll(() => temp.cleanup())

  it('draws a plain colour of the asked size; the stripe changes it', async () => {
    const plain = await makeImage(path('plain.png'), 'color=c=0x336699', 320, 240)
    const size = await media.renderStill(
      { color: '336699', width: 320, height: 240 },
      path('a.png'),
    )
    expect(size).toEqual({ width: 320, height: 240 })
    expect(await media.probe(path('a.png'))).toMatchObject({ kind: 'image', width: 320 })
    expect(await media.psnr(path('a.png'), plain)).toBeGreaterThan(40)
    await media.renderStill(
      { color: '336699', width: 320, height: 240, stripe: ['ff0000', '00ff00', 'ffffff'] },
      path('b.png'),
    )
    expect(await media.psnr(path('b.png'), plain)).toBeLessThan(25)
  })

  it('keeps an image (any size, odd too) as it is when no stripe is asked', async () => {
    const image = await makeImage(path('src.png'), 'testsrc', 401, 301)
    await media.renderStill({ image, width: 401, height: 301 }, path('same.png'))
    expect(await media.probe(path('same.png'))).toMatchObject({ width: 401, height: 301 })
    expect(await media.psnr(path('same.png'), image)).toBeGreaterThan(35)
  })

  it('refuses a bad size, a bad colour and a video', async () => {
    await expect(media.renderStill({ width: 0, height: 10 }, path('x.png'))).rejects.toMatchObject({
      code: 'validation',
    })
    await expect(
      media.renderStill({ width: 10, height: 10, stripe: ['red'] }, path('x.png')),
    ).rejects.toMatchObject({ code: 'validation' })
    const clip = await makeClip(path('clip.mp4'), {
      width: 64,
      height: 48,
      fps: 12,
      durationSec: 1,
    })
    await expect(
      media.renderStill({ image: clip, width: 64, height: 48 }, path('x.png')),
    ).rejects.toMatchObject({ code: 'validation' })
  })
})
