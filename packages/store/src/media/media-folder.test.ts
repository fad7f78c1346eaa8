import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { makeTempHome } from '../testing/temp-home.ts'
import { createMediaFolder } from './media-folder.ts'

const bytes = new TextEncoder().encode('a frame')
const hash = createHash('sha256').update(bytes).digest('hex')

function folder() {
  const root = join(makeTempHome(), 'media')
  return { root, media: createMediaFolder(root) }
}

/** Every file under the folder except its temporary directory. */
function storedFiles(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
}

describe('media folder', () => {
  it('stores bytes under <2 hex>/<hash><ext> and finds them by hash', async () => {
    const { root, media } = folder()
    expect(media.has(hash)).toBe(false)
    expect(media.pathOf(hash)).toBeUndefined()
    const stored = await media.putBytes(bytes, 'image/png')
    expect(stored).toEqual({
      hash,
      path: join(root, hash.slice(0, 2), `${hash}.png`),
      sizeBytes: 7,
    })
    expect(media.pathOf(hash)).toBe(stored.path)
    expect(readFileSync(stored.path, 'utf8')).toBe('a frame')
  })

  it('stores identical content once, whichever way it arrives', async () => {
    const { root, media } = folder()
    const source = join(root, '..', 'frame.png')
    writeFileSync(source, bytes)
    const puts = await Promise.all([
      media.putBytes(bytes, 'image/png'),
      media.putBytes(bytes, 'image/png'),
      media.putFile(source, 'image/png'),
      media.putFile(source, 'image/jpeg'),
    ])
    expect(new Set(puts.map((p) => p.path)).size).toBe(1)
    expect(puts.every((p) => p.hash === hash && p.sizeBytes === 7)).toBe(true)
    expect(storedFiles(root)).toEqual([puts[0]?.path])
  })

  it('adopts a file written at a temp path by moving it', async () => {
    const { root, media } = folder()
    const temp = media.tempPath('.mp4')
    expect(temp.startsWith(join(root, 'tmp'))).toBe(true)
    expect(media.tempPath('.mp4')).not.toBe(temp)
    writeFileSync(temp, bytes)
    const stored = await media.adoptFile(temp, 'video/mp4')
    expect(stored.path).toBe(join(root, hash.slice(0, 2), `${hash}.mp4`))
    expect(existsSync(temp)).toBe(false)
    expect(storedFiles(root)).toEqual([stored.path])
  })

  it('leaves no partial file behind when a put fails', async () => {
    const { root, media } = folder()
    await expect(media.putFile(join(root, 'missing.png'), 'image/png')).rejects.toThrow()
    expect(storedFiles(root)).toEqual([])
  })

  it('refuses hashes and paths that would leave the folder', async () => {
    const { root, media } = folder()
    const outside = join(root, '..', 'outside.mp4')
    writeFileSync(outside, bytes)
    for (const bad of ['../../etc/passwd', `${hash.slice(0, 63)}/`, hash.toUpperCase(), ''])
      expect(() => media.pathOf(bad)).toThrow(expect.objectContaining({ code: 'validation' }))
    expect(() => media.has('..')).toThrow()
    expect(() => media.tempPath('/../../x')).toThrow(
      expect.objectContaining({ code: 'validation' }),
    )
    await expect(media.adoptFile(outside, 'video/mp4')).rejects.toMatchObject({
      code: 'validation',
    })
    await expect(
      media.adoptFile(join(root, 'tmp', '..', '..', 'outside.mp4'), 'video/mp4'),
    ).rejects.toMatchObject({ code: 'validation' })
    expect(existsSync(outside)).toBe(true)
  })
})
