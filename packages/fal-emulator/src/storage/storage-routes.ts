import { createReadStream } from 'node:fs'
import type { ServerResponse } from 'node:http'
import { parseByteRange } from '@shotchain/http'
import { parseJsonBody, readBody } from '../server/read-body.ts'
import { falError, json, type Reply } from '../server/reply.ts'
import type { Target } from '../server/resolve-target.ts'
import { fixedRoute, type Route } from '../server/route.ts'
import { type FileStore, type StoredFile, UploadTooLargeError } from './file-store.ts'

// The client switches to multipart above 90 MiB, which the emulator does not serve.
const MAX_UPLOAD_BYTES = 90 * 1024 * 1024

function extensionOf(contentType: string): string {
  // The client's own default name: the subtype cut at '-' or ';' (image/png → png).
  return (contentType.split('/')[1] ?? 'bin').split(/[-;]/)[0] ?? 'bin'
}

function initiateRoute(store: FileStore): Route {
  return {
    name: 'upload-initiate',
    auth: 'key',
    async handle(req) {
      const parsed = parseJsonBody(await readBody(req, 64 * 1024))
      const body = parsed !== undefined && 'value' in parsed ? parsed.value : undefined
      const fields = (typeof body === 'object' && body !== null ? body : {}) as Record<
        string,
        unknown
      >
      const contentType =
        typeof fields.content_type === 'string' ? fields.content_type : 'application/octet-stream'
      const fileName =
        typeof fields.file_name === 'string' && fields.file_name !== ''
          ? fields.file_name.replaceAll('/', '_')
          : `${Date.now()}.${extensionOf(contentType)}`
      const slot = await store.initiate(contentType, fileName)
      return json(200, { upload_url: slot.uploadUrl, file_url: slot.fileUrl })
    },
  }
}

function putRoute(store: FileStore, id: string): Route {
  return {
    name: 'upload-put',
    auth: 'none',
    async handle(req) {
      if (!store.hasSlot(id)) return falError(404, 'Upload not found')
      try {
        await store.receive(id, req, req.headers['content-type'], MAX_UPLOAD_BYTES)
      } catch (error) {
        if (error instanceof UploadTooLargeError) return falError(413, error.message)
        throw error
      }
      return { kind: 'empty', status: 200 }
    },
  }
}

function serveFile(file: StoredFile, rangeHeader: string | undefined, headOnly: boolean): Reply {
  return {
    kind: 'custom',
    write(res: ServerResponse) {
      res.setHeader('accept-ranges', 'bytes')
      res.setHeader('content-type', file.contentType)
      res.setHeader('cache-control', 'public, max-age=31536000, immutable')
      res.setHeader('etag', `"${file.id}-${file.size}"`)
      const range = parseByteRange(rangeHeader, file.size)
      if (range === 'unsatisfiable') {
        res.writeHead(416, { 'content-range': `bytes */${file.size}`, 'content-length': '0' })
        res.end()
        return
      }
      const { start, end } = range ?? { start: 0, end: file.size - 1 }
      if (range !== undefined) res.setHeader('content-range', `bytes ${start}-${end}/${file.size}`)
      res.writeHead(range === undefined ? 200 : 206, { 'content-length': String(end - start + 1) })
      if (headOnly || file.size === 0) {
        res.end()
        return
      }
      const stream = createReadStream(file.path, { start, end })
      stream.on('error', () => res.destroy())
      stream.pipe(res)
    },
  }
}

function cdnRoute(store: FileStore, id: string): Route {
  return {
    name: 'cdn',
    auth: 'none',
    async handle(req) {
      const file = store.get(id)
      if (file === undefined) return falError(404, 'File not found')
      return serveFile(file, req.headers.range, req.method === 'HEAD')
    },
  }
}

/**
 * Matches storage requests: `POST rest.fal.ai/storage/upload/initiate` (any host-mode), the
 * emulator's own `PUT /storage/upload/<id>` and `GET|HEAD /cdn/<id>/<file name>`.
 * Returns undefined when the path is not a storage path.
 */
export function matchStorageRoute(
  method: string,
  target: Target,
  store: FileStore,
): Route | undefined {
  const segments = target.path.split('/').filter((s) => s !== '')
  if (target.host === 'rest.fal.ai') {
    if (target.path === '/storage/upload/initiate') {
      return method === 'POST'
        ? initiateRoute(store)
        : fixedRoute(falError(405, 'Method Not Allowed'))
    }
    if (target.path.startsWith('/storage/upload/initiate-multipart')) {
      return fixedRoute(falError(501, 'Multipart uploads are not supported by the fal emulator'))
    }
    return fixedRoute(falError(404, 'Not Found'))
  }
  if (target.host !== 'local') return undefined
  if (segments[0] === 'storage' && segments[1] === 'upload' && segments.length === 3) {
    return method === 'PUT'
      ? putRoute(store, segments[2] ?? '')
      : fixedRoute(falError(405, 'Method Not Allowed'))
  }
  if (segments[0] === 'cdn' && segments.length >= 2) {
    return method === 'GET' || method === 'HEAD'
      ? cdnRoute(store, segments[1] ?? '')
      : fixedRoute(falError(405, 'Method Not Allowed'))
  }
  return undefined
}
