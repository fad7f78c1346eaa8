import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createMediaTools } from '../create-media-tools.ts'
import { makeImage, makeTempDir, SLOW_MS } from '../testing/fixtures.ts'
import { lyingPng } from '../testing/lying-png.ts'
import { progressiveJpeg } from '../testing/progressive-jpeg.ts'

const tools = createMediaTools()
let dir: string
let cleanup: () => Promise<void>

/** The first `fraction` of `file`'s bytes, written beside it. */
async function cut(file: string, fraction: number): Promise<string> {
  const bytes = await readFile(file)
  const out = file.replace(/(\.\w+)$/, `-cut$1`)
  await writeFile(out, bytes.subarray(0, Math.floor(bytes.length * fraction)))
  return out
}

beforeAll(async () => {
  ;({ dir, cleanup } = await makeTempDir())
}, SLOW_MS)
afterAll(() => cleanup?.())

describe('decodeImage', () => {
  it(
    'decodes whole PNG, JPEG (baseline and progressive), WebP and GIF images to their size',
    async () => {
      const files = {
        png: await makeImage(join(dir, 'a.png'), 'testsrc', 640, 360),
        jpeg: await makeImage(join(dir, 'a.jpg'), 'testsrc', 1280, 720),
        webp: await makeImage(join(dir, 'a.webp'), 'testsrc', 400, 300),
        gif: await makeImage(join(dir, 'a.gif'), 'testsrc', 320, 320),
      }
      const progressive = join(dir, 'p.jpg')
      await writeFile(progressive, progressiveJpeg(320, 240))
      for (const [format, file] of Object.entries(files)) {
        const decoded = await tools.decodeImage(file)
        expect(decoded).toEqual({ ok: true, image: expect.objectContaining({ format }) })
      }
      expect(await tools.decodeImage(progressive)).toEqual({
        ok: true,
        image: { format: 'jpeg', width: 320, height: 240 },
      })
    },
    SLOW_MS,
  )

  it(
    'finds images cut short, which their headers do not show',
    async () => {
      const jpeg = await makeImage(join(dir, 'b.jpg'), 'mandelbrot', 1280, 720)
      const png = await makeImage(join(dir, 'b.png'), 'mandelbrot', 640, 480)
      const gif = await makeImage(join(dir, 'b.gif'), 'mandelbrot', 640, 480)
      for (const file of [await cut(jpeg, 0.5), await cut(png, 0.5), await cut(gif, 0.5)]) {
        const decoded = await tools.decodeImage(file)
        expect(decoded).toMatchObject({
          ok: false,
          problem: expect.stringMatching(/cut short or damaged/),
        })
        expect(decoded.ok ? undefined : decoded.header).toBeDefined()
      }
    },
    SLOW_MS,
  )

  it('refuses more pixels than the cap before decoding anything', async () => {
    const liar = join(dir, 'liar.png')
    const bytes = lyingPng(100_000, 100_000)
    expect(bytes.byteLength).toBeLessThan(100)
    await writeFile(liar, bytes)
    expect(await tools.decodeImage(liar)).toMatchObject({
      ok: false,
      problem: 'is 100000×100000 px (10000 MP); images of at most 40 MP are taken',
    })
    const big = join(dir, 'big.png')
    await writeFile(big, lyingPng(20_000, 20_000))
    expect(await tools.decodeImage(big)).toMatchObject({ ok: false, problem: /20000×20000 px/ })
  })

  it(
    'takes its cap from the caller, and a lying header under the cap still fails to decode',
    async () => {
      const png = await makeImage(join(dir, 'c.png'), 'testsrc', 1500, 1000)
      expect(await tools.decodeImage(png, { maxPixels: 1_000_000 })).toMatchObject({
        ok: false,
        problem: /1500×1000 px \(1\.5 MP\); images of at most 1\.0 MP/,
      })
      expect(await tools.decodeImage(png, { maxPixels: 2_000_000 })).toMatchObject({ ok: true })
      const liar = join(dir, 'small-liar.png')
      await writeFile(liar, lyingPng(800, 600))
      expect(await tools.decodeImage(liar)).toMatchObject({
        ok: false,
        problem: /cannot be decoded/,
      })
    },
    SLOW_MS,
  )

  it('says when a file is no image at all', async () => {
    const text = join(dir, 'notes.png')
    await writeFile(text, 'just some text')
    expect(await tools.decodeImage(text)).toEqual({
      ok: false,
      problem: 'is not an image Shotchain can read (PNG, JPEG, WebP or GIF)',
    })
  })
})
