import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeClip, makeImage, makeTempDir, SLOW_MS } from '../testing/fixtures.ts'
import { makeSound } from '../testing/make-sound.ts'
import { sniffMediaType } from './sniff-media-type.ts'

describe('sniffMediaType', { timeout: SLOW_MS }, () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>
  beforeAll(async () => {
    temp = await makeTempDir()
  }, SLOW_MS)
  afterAll(() => temp.cleanup())

  it.each([
    ['a.png', 'image/png'],
    ['a.jpg', 'image/jpeg'],
    ['a.gif', 'image/gif'],
    ['a.webp', 'image/webp'],
  ])('recognises %s from its first 12 bytes', async (name, type) => {
    const file = await makeImage(join(temp.dir, name), 'testsrc', 64, 48)
    expect(sniffMediaType((await readFile(file)).subarray(0, 12))).toBe(type)
  })

  it('recognises an MP4', async () => {
    const file = await makeClip(join(temp.dir, 'a.mp4'), {
      width: 64,
      height: 48,
      fps: 10,
      durationSec: 0.5,
    })
    expect(sniffMediaType((await readFile(file)).subarray(0, 12))).toBe('video/mp4')
  })

  it.each([
    ['mp3', 'audio/mpeg'],
    ['wav', 'audio/wav'],
    ['m4a', 'audio/mp4'],
  ] as const)('recognises a %s sound from its first 12 bytes', async (format, type) => {
    const file = await makeSound(join(temp.dir, `tone.${format}`), { seconds: 0.5, format })
    expect(sniffMediaType((await readFile(file)).subarray(0, 12))).toBe(type)
  })

  it('recognises an MP3 without an ID3 tag by its frame header', async () => {
    const tagged = await readFile(
      await makeSound(join(temp.dir, 'bare.mp3'), { seconds: 0.5, format: 'mp3' }),
    )
    // An ID3v2 header's size is 4 bytes of 7 bits each (syncsafe), after 6 bytes of header.
    const tagSize = 10 + tagged.subarray(6, 10).reduce((size, b) => size * 128 + b, 0)
    const bare = tagged.subarray(tagSize, tagSize + 12)
    expect(bare[0]).toBe(0xff)
    expect(sniffMediaType(bare)).toBe('audio/mpeg')
  })

  it('calls neither AAC in ADTS nor an MPEG header with a reserved bitrate MP3', () => {
    expect(sniffMediaType(Uint8Array.from([0xff, 0xf1, 0x50, 0x80]))).toBeUndefined()
    expect(sniffMediaType(Uint8Array.from([0xff, 0xfb, 0xf0, 0x00]))).toBeUndefined()
    expect(sniffMediaType(Uint8Array.from([0xff, 0xfb, 0x90, 0x00]))).toBe('audio/mpeg')
  })

  it('does not call HEIC, AVIF or QuickTime files MP4', () => {
    for (const brand of ['heic', 'avif', 'mif1', 'qt  ']) {
      const bytes = Uint8Array.from([0, 0, 0, 0x18, ...Buffer.from(`ftyp${brand}`)])
      expect(sniffMediaType(bytes), brand).toBeUndefined()
    }
  })

  it('returns undefined for text, short prefixes and random bytes, and never throws', () => {
    expect(sniffMediaType(new TextEncoder().encode('<!doctype html>'))).toBeUndefined()
    expect(sniffMediaType(Uint8Array.from([0x89, 0x50]))).toBeUndefined()
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 32 }), (bytes) => {
        const type = sniffMediaType(bytes)
        return type === undefined || bytes.length >= 3
      }),
    )
  })
})
