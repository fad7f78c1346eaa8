import { randomUUID } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { mkdir, readdir, readFile, rename, rm, stat, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import type { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { parseJson, writeJsonAtomically } from './write-json.ts'

/** A file the CDN serves. */
export interface StoredFile {
  readonly id: string
  readonly path: string
  readonly contentType: string
  readonly fileName: string
  readonly size: number
  /** Public URL: `<emulator>/cdn/<id>/<file_name>`. */
  readonly url: string
}

/** An upload slot created by initiate and filled by the PUT. */
export interface PendingUpload {
  readonly id: string
  readonly contentType: string
  readonly fileName: string
  readonly uploadUrl: string
  readonly fileUrl: string
}

/** Thrown by {@link FileStore.receive} when the body exceeds the limit. */
export class UploadTooLargeError extends Error {
  constructor(limit: number) {
    super(`upload exceeds ${limit} bytes`)
    this.name = 'UploadTooLargeError'
  }
}

/**
 * Files behind the emulator's CDN: uploads and generated outputs, kept in `<dir>/files` as
 * `<id>` (the bytes) and `<id>.json` (type and name), so a store opened again on the same folder
 * serves them under the same ids, like fal storage outlives a client's process.
 */
export interface FileStore {
  readonly dir: string
  /** Opens an upload slot (the initiate call). */
  initiate(contentType: string, fileName: string): Promise<PendingUpload>
  /** Whether an upload slot or file exists under `id`. */
  hasSlot(id: string): boolean
  /** Streams a PUT body into the slot; resolves with the stored file. */
  receive(
    id: string,
    body: Readable,
    contentType: string | undefined,
    limit: number,
  ): Promise<StoredFile>
  /** Moves a finished file into the store and publishes it. */
  publish(file: string, contentType: string, fileName: string): Promise<StoredFile>
  get(id: string): StoredFile | undefined
  /**
   * `value` with every URL of one of this store's files (`…/cdn/<id>/…`, under whatever address
   * an earlier process served it) moved to the current address; other values unchanged.
   */
  currentUrls<T>(value: T): T
}

interface FileMeta {
  readonly contentType: string
  readonly fileName: string
}

interface Entry extends FileMeta {
  readonly id: string
  readonly path: string
  size: number | undefined
}

async function readEntries(filesDir: string): Promise<Entry[]> {
  const names = await readdir(filesDir)
  const entries: Entry[] = []
  for (const name of names) {
    // Partial uploads and metadata being written when a process died.
    if (name.endsWith('.part') || name.endsWith('.tmp')) {
      await rm(join(filesDir, name), { force: true })
      continue
    }
    if (!name.endsWith('.json')) continue
    const id = name.slice(0, -'.json'.length)
    const meta = parseJson<FileMeta>(await readFile(join(filesDir, name), 'utf8'))
    // Unreadable metadata (not ours, or damaged by hand): the file is not served.
    if (meta === undefined) continue
    const path = join(filesDir, id)
    const size = await stat(path).then(
      (s) => s.size,
      () => undefined,
    )
    entries.push({ id, path, contentType: meta.contentType, fileName: meta.fileName, size })
  }
  return entries
}

/**
 * Opens the store in `dir`, serving the files an earlier store left there and removing what a
 * killed process left half-written; `baseUrl()` is read when URLs are made (the port is known
 * late).
 */
export async function createFileStore(dir: string, baseUrl: () => string): Promise<FileStore> {
  const filesDir = join(dir, 'files')
  await mkdir(filesDir, { recursive: true })
  const entries = new Map((await readEntries(filesDir)).map((e) => [e.id, e]))

  const urlFor = (id: string, fileName: string) =>
    `${baseUrl()}/cdn/${id}/${encodeURIComponent(fileName)}`
  const fileOf = (entry: Entry): StoredFile | undefined =>
    entry.size === undefined
      ? undefined
      : { ...entry, size: entry.size, url: urlFor(entry.id, entry.fileName) }
  const add = async (id: string, meta: FileMeta) => {
    const entry: Entry = { id, path: join(filesDir, id), ...meta, size: undefined }
    await writeJsonAtomically(`${entry.path}.json`, meta)
    entries.set(id, entry)
    return entry
  }
  const filled = async (entry: Entry, contentType: string) => {
    entry.size = (await stat(entry.path)).size
    const meta = { contentType, fileName: entry.fileName }
    if (contentType !== entry.contentType) await writeJsonAtomically(`${entry.path}.json`, meta)
    const updated: Entry = { ...entry, ...meta }
    entries.set(entry.id, updated)
    return fileOf(updated) as StoredFile
  }
  const current = (text: string): string => {
    const match = /^https?:\/\/[^/]+\/cdn\/([0-9a-f]+)(\/.*)?$/.exec(text)
    const id = match?.[1]
    if (id === undefined || !entries.has(id)) return text
    return `${baseUrl()}/cdn/${id}${match?.[2] ?? ''}`
  }
  const currentDeep = (value: unknown): unknown => {
    if (typeof value === 'string') return current(value)
    if (Array.isArray(value)) return value.map(currentDeep)
    if (typeof value === 'object' && value !== null) {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, currentDeep(v)]))
    }
    return value
  }

  return {
    dir,
    async initiate(contentType, fileName) {
      const id = randomUUID().replaceAll('-', '')
      await add(id, { contentType, fileName })
      return {
        id,
        contentType,
        fileName,
        uploadUrl: `${baseUrl()}/storage/upload/${id}`,
        fileUrl: urlFor(id, fileName),
      }
    },
    hasSlot: (id) => entries.has(id),
    async receive(id, body, contentType, limit) {
      const entry = entries.get(id)
      if (entry === undefined) throw new Error(`no upload slot ${id}`)
      const partial = `${entry.path}.part`
      let received = 0
      body.on('data', (chunk: Buffer) => {
        received += chunk.length
        if (received > limit) body.destroy(new UploadTooLargeError(limit))
      })
      try {
        await pipeline(body, createWriteStream(partial))
      } catch (error) {
        await unlink(partial).catch(() => {})
        throw error
      }
      await rename(partial, entry.path)
      return filled(entry, contentType || entry.contentType)
    },
    async publish(file, contentType, fileName) {
      const entry = await add(randomUUID().replaceAll('-', ''), { contentType, fileName })
      await rename(file, entry.path)
      return filled(entry, contentType)
    },
    get(id) {
      const entry = entries.get(id)
      return entry === undefined ? undefined : fileOf(entry)
    },
    currentUrls: <T>(value: T) => currentDeep(value) as T,
  }
}
