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

/** Uploads once per content, and forgets an upload fal could not download. */
export interface UploadOnce {
  upload(file: FileToUpload): Promise<string>
  /**
   * Stops trusting `url` (fal answered `file_download_error` for it: its storage expired, or an
   * emulator restarted without its files): the next upload of that content sends the bytes
   * again. Returns false for a URL this process did not hand out.
   */
  forget(url: string): boolean
}

// An entry stamped this long ago is older than any maxAgeMs: the cache's way to forget.
const NEVER_TRUSTED_AT = Number.MIN_SAFE_INTEGER

/**
 * Uploads each distinct content once: a remembered URL younger than `maxAgeMs` is reused, and
 * concurrent uploads of the same bytes share one transfer.
 */
export function createUploadOnce(
  send: (file: FileToUpload) => Promise<string>,
  cache: UploadCache,
  options: { maxAgeMs: number; now: () => number },
): UploadOnce {
  const inFlight = new Map<string, Promise<string>>()
  // The content of every URL handed out, so a dead one can be forgotten by its URL.
  const handedOut = new Map<string, string>()
  const handOut = (hash: string, url: string) => {
    handedOut.set(url, hash)
    return url
  }
  return {
    upload(file) {
      const hash = createHash('sha256').update(file.bytes).digest('hex')
      const known = cache.get(hash)
      if (known !== undefined && options.now() - known.at < options.maxAgeMs)
        return Promise.resolve(handOut(hash, known.url))
      const pending = inFlight.get(hash)
      if (pending !== undefined) return pending
      const upload = send(file)
        .then((url) => {
          cache.set(hash, url, options.now())
          return handOut(hash, url)
        })
        .finally(() => inFlight.delete(hash))
      inFlight.set(hash, upload)
      return upload
    },
    forget(url) {
      const hash = handedOut.get(url)
      if (hash === undefined) return false
      handedOut.delete(url)
      if (cache.get(hash)?.url === url) cache.set(hash, url, NEVER_TRUSTED_AT)
      return true
    },
  }
}
