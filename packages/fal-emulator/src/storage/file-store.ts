import { randomUUID } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { mkdir, rename, stat, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import type { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'

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

/** Files behind the emulator's CDN: uploads and generated outputs, kept in one folder. */
export interface FileStore {
  readonly dir: string
  /** Opens an upload slot (the initiate call). */
  initiate(contentType: string, fileName: string): PendingUpload
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
}

/** Creates a store in `dir`; `baseUrl()` is read when URLs are made (the port is known late). */
export async function createFileStore(dir: string, baseUrl: () => string): Promise<FileStore> {
  const filesDir = join(dir, 'files')
  await mkdir(filesDir, { recursive: true })
  const slots = new Map<string, PendingUpload>()
  const files = new Map<string, StoredFile>()

  const urlFor = (id: string, fileName: string) =>
    `${baseUrl()}/cdn/${id}/${encodeURIComponent(fileName)}`
  const register = async (id: string, path: string, contentType: string, fileName: string) => {
    const { size } = await stat(path)
    const file: StoredFile = { id, path, contentType, fileName, size, url: urlFor(id, fileName) }
    files.set(id, file)
    return file
  }

  return {
    dir,
    initiate(contentType, fileName) {
      const id = randomUUID().replaceAll('-', '')
      const slot: PendingUpload = {
        id,
        contentType,
        fileName,
        uploadUrl: `${baseUrl()}/storage/upload/${id}`,
        fileUrl: urlFor(id, fileName),
      }
      slots.set(id, slot)
      return slot
    },
    hasSlot: (id) => slots.has(id) || files.has(id),
    async receive(id, body, contentType, limit) {
      const slot = slots.get(id)
      if (slot === undefined) throw new Error(`no upload slot ${id}`)
      const path = join(filesDir, id)
      const partial = `${path}.part`
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
      await rename(partial, path)
      return register(id, path, contentType || slot.contentType, slot.fileName)
    },
    async publish(file, contentType, fileName) {
      const id = randomUUID().replaceAll('-', '')
      const path = join(filesDir, id)
      await rename(file, path)
      return register(id, path, contentType, fileName)
    },
    get: (id) => files.get(id),
  }
}
