import { rm, writeFile } from 'node:fs/promises'
import { probeImageBytes, sniffMediaType } from '@shotchain/media'
import { extensionFor } from '@shotchain/store'
import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import type { AppContext } from '../http/app-context.ts'
import { storeUploadedAudio } from './upload-audio.ts'

/** The largest image or sound the server takes. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024

const MULTIPART_SLACK = 64 * 1024

const tooLarge = `the upload is over the ${MAX_UPLOAD_BYTES / 1024 / 1024} MB limit: send a smaller file`

/**
 * `POST /api/uploads`: an image or a sound — the raw body, or a `file` field of a multipart form —
 * into the content-addressed media store. Its type is sniffed from the bytes (never the file name
 * or Content-Type): anything but PNG, JPEG, WebP, GIF, MP3, WAV or M4A is a 415. A sound is
 * stored once ffprobe reads it (`storeUploadedAudio`). It is then decoded for real
 * (`MediaTools.decodeImage`, in a temp file): over the pixel cap, cut short or damaged is a 422
 * saying so, and nothing is stored. Returns its hash, type, size, dimensions, `url`
 * (`/media/<hash>`) and `path` (what an `image-source` node takes).
 */
export function uploadRoutes(app: AppContext): Hono {
  const routes = new Hono()
  routes.post(
    '/',
    bodyLimit({
      maxSize: MAX_UPLOAD_BYTES + MULTIPART_SLACK,
      onError: (c) => c.json({ error: tooLarge }, 413),
    }),
    async (c) => {
      const read = await readUpload(c.req.raw)
      if (!read.ok) return c.json({ error: read.error }, 400)
      const { bytes } = read
      if (bytes.byteLength > MAX_UPLOAD_BYTES) return c.json({ error: tooLarge }, 413)
      if (bytes.byteLength === 0)
        return c.json({ error: 'the upload is empty: send an image or a sound' }, 400)
      const contentType = sniffMediaType(bytes)
      if (contentType?.startsWith('audio/')) {
        const answer = await storeUploadedAudio(app, bytes, contentType)
        return c.json(answer.body, answer.status)
      }
      const header = contentType?.startsWith('image/') ? probeImageBytes(bytes) : undefined
      if (contentType === undefined || !contentType.startsWith('image/') || header === undefined) {
        const what = contentType ? `a ${contentType} file` : 'not an image'
        return c.json(
          {
            error: `unsupported media type: the bytes are ${what} (whatever the file name says); upload a PNG, JPEG, WebP or GIF image, or an MP3, WAV or M4A sound`,
          },
          415,
        )
      }
      // Decoded before it is stored: an image no shot could send never gets a path to use.
      const temp = app.store.media.tempPath(extensionFor(contentType))
      let stored: Awaited<ReturnType<typeof app.store.media.adoptFile>>
      try {
        await writeFile(temp, bytes)
        const decoded = await app.mediaTools.decodeImage(temp)
        if (!decoded.ok) {
          return c.json(
            { error: `the image ${decoded.problem}: upload another image`, field: 'file' },
            422,
          )
        }
        stored = await app.store.media.adoptFile(temp, contentType)
      } finally {
        await rm(temp, { force: true })
      }
      return c.json(
        {
          hash: stored.hash,
          contentType,
          sizeBytes: stored.sizeBytes,
          width: header.width,
          height: header.height,
          url: `/media/${stored.hash}`,
          path: stored.path,
        },
        201,
      )
    },
  )
  return routes
}

type UploadRead =
  | { readonly ok: true; readonly bytes: Uint8Array }
  | { readonly ok: false; readonly error: string }

/** The upload's bytes: the raw body, or the `file` field of a multipart form. */
async function readUpload(request: Request): Promise<UploadRead> {
  const type = request.headers.get('content-type') ?? ''
  if (!type.toLowerCase().startsWith('multipart/form-data')) {
    return { ok: true, bytes: new Uint8Array(await request.arrayBuffer()) }
  }
  let form: FormData
  try {
    form = await request.formData()
  } catch (error) {
    // A body that breaks its own Content-Type is the client's mistake, not a server fault.
    const reason = error instanceof Error ? error.message : String(error)
    return {
      ok: false,
      error: `the multipart form could not be read (${reason}): send the image as the "file" field of a well-formed multipart/form-data body, or as the raw body`,
    }
  }
  const file = form.get('file')
  if (file === null || typeof file === 'string') {
    return { ok: false, error: 'file: the multipart form has no "file" field with the image' }
  }
  return { ok: true, bytes: new Uint8Array(await file.arrayBuffer()) }
}
