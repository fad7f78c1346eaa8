import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runTool } from '../process/run-tool.ts'
import { makeImage, makeTempDir, SLOW_MS, testBinaries } from '../testing/fixtures.ts'
import { progressiveJpeg } from '../testing/progressive-jpeg.ts'
import { probeImageBytes } from './probe-image-bytes.ts'

// Odd, unequal sides so that a swapped or rounded width/height shows (testsrc keeps odd sizes).
const W = 37
const H = 23

describe('probeImageBytes on images ffmpeg wrote', { timeout: SLOW_MS }, () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>
  const files: Record<string, Uint8Array> = {}

  beforeAll(async () => {
    temp = await makeTempDir()
    const make = async (name: string, encoder: string[] = [], source = 'testsrc') =>
      (files[name] = await readFile(await makeImage(join(temp.dir, name), source, W, H, encoder)))
    await Promise.all([
      make('a.png'),
      make('a.jpg'),
      make('a.gif'),
      make('lossy.webp', ['-c:v', 'libwebp', '-lossless', '0']),
      make('lossless.webp', ['-c:v', 'libwebp', '-lossless', '1']),
      // Alpha makes libwebp write the extended (VP8X) layout.
      make('alpha.webp', ['-c:v', 'libwebp'], 'color=c=red@0.5,format=rgba'),
    ])
  }, SLOW_MS)
  afterAll(() => temp.cleanup())

  it.each([
    ['a.png', 'png'],
    ['a.jpg', 'jpeg'],
    ['a.gif', 'gif'],
    ['lossy.webp', 'webp'],
    ['lossless.webp', 'webp'],
    ['alpha.webp', 'webp'],
  ])('reads the size of %s', (name, format) => {
    expect(probeImageBytes(files[name] ?? new Uint8Array())).toEqual({
      format,
      width: W,
      height: H,
    })
  })

  it('tells the WebP layouts apart (VP8, VP8L, VP8X)', () => {
    const chunk = (name: string) => new TextDecoder().decode(files[name]?.subarray(12, 16))
    expect([chunk('lossy.webp'), chunk('lossless.webp'), chunk('alpha.webp')]).toEqual([
      'VP8 ',
      'VP8L',
      'VP8X',
    ])
  })

  it('reads a progressive JPEG that ffmpeg decodes to the same size', async () => {
    const bytes = progressiveJpeg(301, 1207)
    const file = join(temp.dir, 'progressive.jpg')
    await writeFile(file, bytes)
    const probe = await runTool(
      testBinaries().ffprobe,
      ['-v', 'error', '-show_entries', 'stream=profile,width,height', '-of', 'csv=p=0', file],
      'probe',
    )
    expect(probe.stdout.trim()).toBe('Progressive,301,1207')
    expect(probeImageBytes(bytes)).toEqual({ format: 'jpeg', width: 301, height: 1207 })
  })

  it('returns undefined for every truncation that cuts off the size', () => {
    for (const [name, bytes] of Object.entries(files)) {
      const needed = headerLength(bytes)
      for (let n = 0; n < needed; n++) {
        expect(probeImageBytes(bytes.subarray(0, n)), `${name} cut at ${n}`).toBeUndefined()
      }
      expect(probeImageBytes(bytes.subarray(0, needed)), name).toBeDefined()
    }
  })
})

/** The shortest prefix from which a size can be read, found by the parser itself. */
function headerLength(bytes: Uint8Array): number {
  let n = 0
  while (n <= bytes.length && probeImageBytes(bytes.subarray(0, n)) === undefined) n++
  return n
}

describe('probeImageBytes on other bytes', () => {
  it('returns undefined for garbage, text and video', () => {
    expect(probeImageBytes(new Uint8Array())).toBeUndefined()
    expect(probeImageBytes(new TextEncoder().encode('hello, this is not an image'))).toBeUndefined()
    const mp4 = Uint8Array.from([
      0,
      0,
      0,
      0x20,
      ...new TextEncoder().encode('ftypisom'),
      0,
      0,
      2,
      0,
    ])
    expect(probeImageBytes(mp4)).toBeUndefined()
  })

  it('rejects a JPEG whose scan starts before any frame header', () => {
    const sos = [
      0xff, 0xd8, 0xff, 0xda, 0x00, 0x08, 1, 1, 0, 0, 63, 0, 0xff, 0xc0, 0, 11, 8, 0, 10, 0, 10,
    ]
    expect(probeImageBytes(Uint8Array.from(sos))).toBeUndefined()
  })

  it('never throws on random bytes, and any answer has a positive size', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 64 }),
        fc.constantFrom(...PREFIXES),
        (tail, prefix) => {
          const result = probeImageBytes(Uint8Array.from([...prefix, ...tail]))
          return result === undefined || (result.width > 0 && result.height > 0)
        },
      ),
      { numRuns: 2000 },
    )
  })

  it('reads any size written into a PNG, GIF or VP8X header', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 65535 }),
        fc.integer({ min: 1, max: 65535 }),
        (w, h) => {
          const expected = (format: string) => ({ format, width: w, height: h })
          expect(probeImageBytes(pngHeader(w, h))).toEqual(expected('png'))
          expect(probeImageBytes(gifHeader(w, h))).toEqual(expected('gif'))
          expect(probeImageBytes(vp8xHeader(w, h))).toEqual(expected('webp'))
        },
      ),
    )
  })

  it('reads any JPEG frame header (every SOFn) behind any APPn segments', () => {
    const sofMarkers = [
      0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf,
    ]
    const appSegment = fc.record({
      marker: fc.integer({ min: 0xe0, max: 0xef }),
      body: fc.uint8Array({ maxLength: 300 }),
    })
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 65535 }),
        fc.integer({ min: 1, max: 65535 }),
        fc.constantFrom(...sofMarkers),
        fc.array(appSegment, { maxLength: 4 }),
        (w, h, sof, apps) => {
          const segments = apps.flatMap((a) => [
            0xff,
            a.marker,
            ...be16(a.body.length + 2),
            ...a.body,
          ])
          const frame = [0xff, sof, ...be16(11), 8, ...be16(h), ...be16(w), 1, 1, 0x11, 0]
          const bytes = Uint8Array.from([0xff, 0xd8, ...segments, ...frame])
          expect(probeImageBytes(bytes)).toEqual({ format: 'jpeg', width: w, height: h })
          // A DHT segment (0xc4) sits in the SOF range but is not a frame header.
          const dht = Uint8Array.from([
            0xff,
            0xd8,
            0xff,
            0xc4,
            ...be16(11),
            8,
            ...be16(h),
            ...be16(w),
            1,
            1,
            0x11,
            0,
          ])
          expect(probeImageBytes(dht)).toBeUndefined()
        },
      ),
    )
  })
})

const ascii = (text: string) => Array.from(text, (c) => c.charCodeAt(0))
const be16 = (n: number) => [n >>> 8, n & 0xff]
const be32 = (n: number) => [n >>> 24, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff]
const le24 = (n: number) => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff]

/** Signatures that steer random bytes into each parser. */
const PREFIXES: number[][] = [
  [],
  [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  [0xff, 0xd8, 0xff],
  ascii('GIF89a'),
  [...ascii('RIFF'), 0, 0, 0, 0, ...ascii('WEBPVP8 ')],
  [...ascii('RIFF'), 0, 0, 0, 0, ...ascii('WEBPVP8L')],
  [...ascii('RIFF'), 0, 0, 0, 0, ...ascii('WEBPVP8X')],
]

function pngHeader(w: number, h: number): Uint8Array {
  return Uint8Array.from([
    0x89,
    0x50,
    0x4e,
    0x47,
    0x0d,
    0x0a,
    0x1a,
    0x0a,
    0,
    0,
    0,
    13,
    ...ascii('IHDR'),
    ...be32(w),
    ...be32(h),
  ])
}
function gifHeader(w: number, h: number): Uint8Array {
  return Uint8Array.from([...ascii('GIF87a'), w & 0xff, w >> 8, h & 0xff, h >> 8])
}
function vp8xHeader(w: number, h: number): Uint8Array {
  const chunk = [...ascii('VP8X'), 10, 0, 0, 0, 0, 0, 0, 0, ...le24(w - 1), ...le24(h - 1)]
  return Uint8Array.from([...ascii('RIFF'), 0, 0, 0, 0, ...ascii('WEBP'), ...chunk])
}
