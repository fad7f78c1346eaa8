import { apiRoutes } from '@shotchain/api'
import { browserFetch, callApi, type Fetch } from '../api/call-api.ts'
import { storageFailureOf } from '../storage/storage-failure.ts'

/** An image or a sound stored by the server (`POST /api/uploads`). */
export interface UploadedFile {
  readonly hash: string
  /** The type the server sniffed from the bytes, e.g. `image/png`, `audio/wav`. */
  readonly contentType: string
  /** `/media/<hash>` on the server. */
  readonly url: string
  /** What a source node's `path` takes (`image-source`, `audio-source`). */
  readonly path: string
}

export type UploadResult =
  | { readonly ok: true; readonly media: UploadedFile }
  | { readonly ok: false; readonly message: string }

/**
 * Sends an image or a sound to the server's media store as the raw request body. The server
 * sniffs its type from the bytes and refuses anything over 10 MB or not PNG, JPEG, WebP, GIF,
 * MP3, WAV or M4A; its message comes back prefixed with the file name. Never rejects.
 */
export async function uploadMedia(
  file: Blob & { readonly name?: string },
  options: { readonly fetch?: Fetch; readonly base?: string } = {},
): Promise<UploadResult> {
  const name = file.name ?? 'the file'
  const uploaded = await callApi(apiRoutes.upload, {
    fetch: options.fetch ?? browserFetch,
    base: options.base ?? '',
    body: file,
  })
  if (!uploaded.ok) {
    return { ok: false, message: `${name}: ${storageFailureOf(uploaded.failure).message}` }
  }
  const { hash, contentType, url, path } = uploaded.value
  return { ok: true, media: { hash, contentType, url, path } }
}
