import { browserFetch, type Fetch, requestJson } from '../storage/http-json.ts'

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
  const result = await requestJson(
    options.fetch ?? browserFetch,
    `${options.base ?? ''}/api/uploads`,
    {
      method: 'POST',
      headers: { 'content-type': file.type || 'application/octet-stream' },
      body: file,
    },
  )
  if (!result.ok) return { ok: false, message: `${name}: ${result.failure.message}` }
  const body = result.value as Partial<Record<keyof UploadedImage, unknown>>
  if (typeof body?.path !== 'string' || typeof body.url !== 'string') {
    return {
      ok: false,
      message: `${name}: the server's answer had no stored path; reload the page`,
    }
  }
  return {
    ok: true,
    image: {
      hash: String(body.hash),
      url: body.url,
      path: body.path,
      width: Number(body.width),
      height: Number(body.height),
    },
  }
}
