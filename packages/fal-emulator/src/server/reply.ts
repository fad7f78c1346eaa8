import type { ServerResponse } from 'node:http'

/** What a route answers; the router writes it, or drops the connection instead. */
export type Reply =
  | {
      readonly kind: 'json'
      readonly status: number
      readonly body: unknown
      readonly headers?: Headers
    }
  | { readonly kind: 'empty'; readonly status: number; readonly headers?: Headers }
  /** Writes the response itself (event streams, file bodies). */
  | { readonly kind: 'custom'; write(res: ServerResponse): void }

type Headers = Readonly<Record<string, string>>

/** A JSON reply. */
export function json(status: number, body: unknown, headers?: Headers): Reply {
  return headers === undefined
    ? { kind: 'json', status, body }
    : { kind: 'json', status, body, headers }
}

/** fal's shape for gateway errors: `{detail}` (and `error_type` with its header when given). */
export function falError(status: number, detail: string, errorType?: string): Reply {
  if (errorType === undefined) return json(status, { detail })
  return json(status, { detail, error_type: errorType }, { 'x-fal-error-type': errorType })
}

/** Writes a non-custom reply as the response. */
export function writeReply(res: ServerResponse, reply: Reply): void {
  if (reply.kind === 'custom') {
    reply.write(res)
    return
  }
  for (const [name, value] of Object.entries(reply.headers ?? {})) res.setHeader(name, value)
  if (reply.kind === 'empty') {
    res.statusCode = reply.status
    res.setHeader('content-length', '0')
    res.end()
    return
  }
  const text = JSON.stringify(reply.body)
  res.statusCode = reply.status
  res.setHeader('content-type', 'application/json')
  res.setHeader('content-length', Buffer.byteLength(text))
  res.end(text)
}
