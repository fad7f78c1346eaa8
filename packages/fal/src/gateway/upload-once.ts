import { createHash } from 'node:crypto'

/** Where fal storage URLs of uploaded content are remembered, by the content's SHA-256. */
export interface UploadCache {
  get(hash: string): { readonly url: string; readonly at: number } | undefined
  set(hash: string, url: string, at: number): void
}

export function createMemoryUploadCache(): UploadCache {
  const entries = new Map<string, { url: string; at: number }>()
  return {
    get: (hash) => entries.get(hash),
    set: (hash, url, at) => {
      entries.set(hash, { url, at })
    },
  }
}

export interface FileToUpload {
  readonly bytes: Uint8Array
  readonly contentType: string
  readonly fileName: string
}

/**
 * Uploads each distinct content once: a remembered URL younger than `maxAgeMs` is reused, and
 * concurrent uploads of the same bytes share one transfer.
 */
export function createUploadOnce(
  send: (file: FileToUpload) => Promise<string>,
  cache: UploadCache,
  options: { maxAgeMs: number; now: () => number },
): (file: FileToUpload) => Promise<string> {
  const inFlight = new Map<string, Promise<string>>()
  return (file) => {
    const hash = createHash('sha256').update(file.bytes).digest('hex')
    const known = cache.get(hash)
    if (known !== undefined && options.now() - known.at < options.maxAgeMs)
      return Promise.resolve(known.url)
    const pending = inFlight.get(hash)
    if (pending !== undefined) return pending
    const upload = send(file)
      .then((url) => {
        cache.set(hash, url, options.now())
        return url
      })
      .finally(() => inFlight.delete(hash))
    inFlight.set(hash, upload)
    return upload
  }
}
