import { apiRoutes } from '@shotchain/api'
import { browserFetch, callApi, type Fetch } from '../api/call-api.ts'
import { storageFailureOf } from '../storage/storage-failure.ts'

/** An image stored by the server (`POST /api/uploads`). */
export interface UploadedImage {
  readonly hash: string
  /** `/media/<hash>` on the server. */
  readonly url: string
  /** What an `image-source` node's `path` takes. */
  readonly path: string
  readonly width: number
  readonly height: number
}

export type UploadResult =
  | { readonly ok: true; readonly image: UploadedImage }
  | { readonly ok: false; readonly message: string }

/**
 * Sends an image to the server's media store as the raw request body. The server sniffs its
 * type from the bytes and refuses anything over 10 MB or not PNG, JPEG, WebP or GIF; its
 * message comes back prefixed with the file name. Never rejects.
 */
export async function uploadImage(
  file: Blob & { readonly name?: string },
  options: { readonly fetch?: Fetch; readonly base?: string } = {},
): Promise<UploadResult> {
  const name = file.name ?? 'the image'
  const uploaded = await callApi(apiRoutes.upload, {
    fetch: options.fetch ?? browserFetch,
    base: options.base ?? '',
    body: file,
  })
  if (!uploaded.ok) {
    return { ok: false, message: `${name}: ${storageFailureOf(uploaded.failure).message}` }
  }
  if (!('width' in uploaded.value))
    return { ok: false, message: `${name}: is a sound, not an image` }
  const { hash, url, path, width, height } = uploaded.value
  return { ok: true, image: { hash, url, path, width, height } }
}
