import { createHash, randomUUID } from 'node:crypto'
import * as fs from 'node:fs'
import { createReadStream, createWriteStream } from 'node:fs'
import { hostname } from 'node:os'
import { join, relative, resolve, sep } from 'node:path'
import { Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { storeError } from '../db/store-error.ts'
import { extensionFor, isSafeExtension } from './content-type.ts'
import { assertMediaHash } from './media-hash.ts'
import type { MediaStore, StoredMedia } from './media-store.ts'
import { sweepTempFolder } from './sweep-temp.ts'

export type { StoredMedia }

/**
 * Content-addressed files under `<root>/<first 2 hex>/<hash><ext>`. Every put writes a temporary
 * file inside the folder, fsyncs it, then renames it into place: readers never see a partial file,
 * and the same content is stored once (a second put of it returns the first file, whatever its
 * content type). Methods taking a hash throw a `validation` error unless it is 64 hex digits, so no
 * path can escape the folder.
 */
export interface MediaFolder extends MediaStore {
  readonly root: string
}

/** Settings of {@link createMediaFolder}. */
export interface MediaFolderOptions {
  /**
   * Whether server processes of other machines share the folder (a team's `SHOTCHAIN_MEDIA_DIR`
   * on a network file system): temporary files then go in `tmp/<host>/`, and a sweep judges by
   * pid only this machine's, since another machine's pids mean nothing here.
   */
  readonly shared?: boolean
  /** This machine's name in `tmp/<host>/`; default `os.hostname()`. */
  readonly host?: string
}

/**
 * Opens (creating) the media folder at `root`: a {@link MediaStore} by rename into place (no
 * copy on adopt), whose temporary names start with this process's pid (see `sweepTempFolder`).
 */
export function createMediaFolder(root: string, options: MediaFolderOptions = {}): MediaFolder {
  const base = resolve(root)
  const tmpRoot = join(base, 'tmp')
  const tmp = options.shared ? join(tmpRoot, options.host ?? hostname()) : tmpRoot
  fs.mkdirSync(tmp, { recursive: true })

  const shardOf = (hash: string) => join(base, hash.slice(0, 2))

  function pathOf(hash: string): string | undefined {
    assertMediaHash(hash)
    let names: string[]
    try {
      names = fs.readdirSync(shardOf(hash))
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
      throw error
    }
    const name = names.find((n) => n === hash || n.startsWith(`${hash}.`))
    return name === undefined ? undefined : join(shardOf(hash), name)
  }

  function tempPath(ext = ''): string {
    if (!isSafeExtension(ext))
      throw storeError('validation', `media: "${ext}" is not a file extension`, { field: 'ext' })
    // The pid says whose it is: a sweep at start removes only files of processes that are gone.
    return join(tmp, `${process.pid}-${randomUUID()}${ext}`)
  }

  /** Renames a hashed temporary file into place, or drops it when the content is already held. */
  function settle(temp: string, hash: string, sizeBytes: number, contentType: string): StoredMedia {
    const existing = pathOf(hash)
    if (existing !== undefined) {
      fs.rmSync(temp, { force: true })
      return { hash, path: existing, sizeBytes }
    }
    fs.mkdirSync(shardOf(hash), { recursive: true })
    const path = join(shardOf(hash), `${hash}${extensionFor(contentType)}`)
    fs.renameSync(temp, path)
    // The rename lives in the directory: sync it too, or a power cut could lose a file the cache
    // (already on disk) names, and the node would run, and be paid for, again.
    fsyncPath(shardOf(hash), 'r')
    return { hash, path, sizeBytes }
  }

  async function hashFile(path: string): Promise<{ hash: string; sizeBytes: number }> {
    const hasher = createHash('sha256')
    let sizeBytes = 0
    for await (const chunk of createReadStream(path)) {
      hasher.update(chunk as Buffer)
      sizeBytes += (chunk as Buffer).length
    }
    return { hash: hasher.digest('hex'), sizeBytes }
  }

  function fsyncPath(path: string, flags: 'r' | 'r+'): void {
    const fd = fs.openSync(path, flags)
    try {
      fs.fsyncSync(fd)
    } finally {
      fs.closeSync(fd)
    }
  }

  return {
    root: base,
    pathOf,
    has: (hash) => pathOf(hash) !== undefined,
    openRead(hash) {
      const path = pathOf(hash)
      return path === undefined ? undefined : createReadStream(path)
    },
    tempPath,
    sweepTemp: () => (options.shared ? sweepSharedTemp(tmpRoot, tmp) : sweepTempFolder(tmp)),
    async putBytes(bytes, contentType) {
      const hash = createHash('sha256').update(bytes).digest('hex')
      const existing = pathOf(hash)
      if (existing !== undefined) return { hash, path: existing, sizeBytes: bytes.byteLength }
      const temp = tempPath()
      try {
        await fs.promises.writeFile(temp, bytes, { flush: true })
        return settle(temp, hash, bytes.byteLength, contentType)
      } catch (error) {
        fs.rmSync(temp, { force: true })
        throw error
      }
    },
    async putFile(path, contentType) {
      const temp = tempPath()
      const hasher = createHash('sha256')
      let sizeBytes = 0
      const tap = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          hasher.update(chunk)
          sizeBytes += chunk.length
          done(null, chunk)
        },
      })
      const out = createWriteStream(temp, { flush: true })
      try {
        await pipeline(createReadStream(path), tap, out)
        return settle(temp, hasher.digest('hex'), sizeBytes, contentType)
      } catch (error) {
        // The failed read may reject before the write stream has even opened its file: wait
        // for it to close, or the file it creates afterwards would outlive this cleanup.
        if (!out.closed) await new Promise<void>((done) => out.once('close', () => done()))
        fs.rmSync(temp, { force: true })
        throw error
      }
    },
    async adoptFile(path, contentType) {
      const inside = relative(tmp, resolve(path))
      if (inside === '' || inside.startsWith('..') || inside.includes(sep))
        throw storeError('validation', `media: can only adopt a file from ${tmp}, not ${path}`, {
          field: 'path',
        })
      fsyncPath(path, 'r+')
      const { hash, sizeBytes } = await hashFile(path)
      return settle(resolve(path), hash, sizeBytes, contentType)
    },
  }
}

/**
 * Sweeps this machine's temporary folder by pid and age, and the other machines' by age alone
 * (their pids cannot be checked from here; a day untouched is leaked whoever owned it).
 */
function sweepSharedTemp(tmpRoot: string, own: string): number {
  let removed = sweepTempFolder(own)
  for (const entry of fs.readdirSync(tmpRoot, { withFileTypes: true })) {
    const path = join(tmpRoot, entry.name)
    if (path === own || !entry.isDirectory()) continue
    removed += sweepTempFolder(path, { isAlive: () => true })
  }
  return removed
}
