import { createHash } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { text } from 'node:stream/consumers'
import { describe, expect, it } from 'vitest'
import type { MediaStore } from './media-store.ts'

const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex')

/**
 * The behaviour every {@link MediaStore} must have (the folder, a bucket). `open` gives a fresh,
 * empty store and a scratch folder for source files; `reopen`, when given, a second handle on the
 * same storage (another server process), which must see what the first stored.
 */
export function describeMediaStoreContract(
  name: string,
  open: () => { media: MediaStore; scratch: string; reopen?: () => MediaStore },
): void {
  describe(`${name} (media store contract)`, () => {
    it('stores bytes under their SHA-256 and reads them back by path and by stream', async () => {
      const { media } = open()
      const bytes = new TextEncoder().encode('a frame')
      expect(media.has(sha256(bytes))).toBe(false)
      expect(media.pathOf(sha256(bytes))).toBeUndefined()
      expect(media.openRead(sha256(bytes))).toBeUndefined()
      const stored = await media.putBytes(bytes, 'image/png')
      expect(stored).toMatchObject({ hash: sha256(bytes), sizeBytes: 7 })
      expect(media.has(stored.hash)).toBe(true)
      expect(readFileSync(media.pathOf(stored.hash) as string, 'utf8')).toBe('a frame')
      expect(await text(media.openRead(stored.hash) as NodeJS.ReadableStream)).toBe('a frame')
    })

    it('stores the same content once, whichever way and whichever handle it arrives by', async () => {
      const { media, scratch, reopen } = open()
      const other = reopen?.() ?? media
      const source = `${scratch}/clip.mp4`
      writeFileSync(source, 'the same clip')
      const puts = await Promise.all([
        media.putFile(source, 'video/mp4'),
        other.putFile(source, 'video/mp4'),
        media.putBytes(new TextEncoder().encode('the same clip'), 'video/mp4'),
      ])
      expect(new Set(puts.map((p) => p.hash))).toEqual(new Set([sha256('the same clip')]))
      expect(new Set(puts.map((p) => p.path)).size).toBe(1)
      expect(other.has(sha256('the same clip'))).toBe(true)
    })

    it('adopts a file written at one of its temporary paths, and refuses any other path', async () => {
      const { media, scratch } = open()
      const temp = media.tempPath('.mp4')
      expect(media.tempPath('.mp4')).not.toBe(temp)
      writeFileSync(temp, 'rendered')
      const stored = await media.adoptFile(temp, 'video/mp4')
      expect(stored.hash).toBe(sha256('rendered'))
      expect(existsSync(temp)).toBe(false)
      expect(readFileSync(stored.path, 'utf8')).toBe('rendered')
      writeFileSync(`${scratch}/elsewhere.mp4`, 'x')
      await expect(media.adoptFile(`${scratch}/elsewhere.mp4`, 'video/mp4')).rejects.toMatchObject({
        code: 'validation',
      })
    })

    it('refuses a hash that is not 64 hex digits, so no path escapes it', () => {
      const { media } = open()
      expect(() => media.pathOf('../../etc/passwd')).toThrow(
        expect.objectContaining({ code: 'validation' }),
      )
      expect(() => media.has('ABC')).toThrow(expect.objectContaining({ code: 'validation' }))
    })

    it('keeps a temporary file this live process is writing when another handle sweeps', () => {
      const { media, reopen } = open()
      const temp = media.tempPath('.png')
      writeFileSync(temp, 'half written')
      ;(reopen?.() ?? media).sweepTemp()
      expect(readFileSync(temp, 'utf8')).toBe('half written')
    })
  })
}
