import { createReadStream, statSync } from 'node:fs'
import { extname } from 'node:path'
import { Readable } from 'node:stream'
import { parseByteRange } from '@shotchain/http'
import { isMediaHash } from '@shotchain/store'
import { Hono } from 'hono'
import type { AppContext } from '../http/app-context.ts'

const TYPES: Readonly<Record<string, string>> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.mp4': 'video/mp4',
  '.mov': 'video/quicktime',
  '.webm': 'video/webm',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
  '.m4a': 'audio/mp4',
}

/**
 * `GET|HEAD /media/:hash`: a file of the media store, by content hash only (anything but 64 hex
 * digits is a 404, so no path can be named). Honours a single `Range` (206, or 416 when it lies
 * past the end); the content never changes, so it may be cached forever. Sent with `nosniff` and
 * `Cross-Origin-Resource-Policy: same-origin`: pages of other sites cannot load it.
 */
export function mediaRoutes(app: AppContext): Hono {
  const routes = new Hono()
  routes.on(['GET', 'HEAD'], '/:hash', (c) => {
    const hash = c.req.param('hash')
    const path = isMediaHash(hash) ? app.store.media.pathOf(hash) : undefined
    if (path === undefined) return c.json({ error: 'no media with that hash' }, 404)
    const size = statSync(path).size
    const headers: Record<string, string> = {
      'Accept-Ranges': 'bytes',
      'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream',
      'Cache-Control': 'public, max-age=31536000, immutable',
      ETag: `"${hash}"`,
      // The type is the server's to say, and other sites may not embed or read the user's media.
      'X-Content-Type-Options': 'nosniff',
      'Cross-Origin-Resource-Policy': 'same-origin',
    }
    const range = parseByteRange(c.req.header('range'), size)
    if (range === 'unsatisfiable') {
      return c.body(null, 416, { ...headers, 'Content-Range': `bytes */${size}` })
    }
    const { start, end } = range ?? { start: 0, end: size - 1 }
    const length = size === 0 ? 0 : end - start + 1
    headers['Content-Length'] = String(length)
    if (range) headers['Content-Range'] = `bytes ${start}-${end}/${size}`
    const status = range ? 206 : 200
    if (c.req.method === 'HEAD' || length === 0) return c.body(null, status, headers)
    const body = Readable.toWeb(createReadStream(path, { start, end })) as ReadableStream
    return c.body(body, status, headers)
  })
  return routes
}
