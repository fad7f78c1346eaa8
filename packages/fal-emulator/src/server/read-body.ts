import type { IncomingMessage } from 'node:http'

/** Thrown when a request body exceeds its limit. */
export class BodyTooLargeError extends Error {
  constructor(limit: number) {
    super(`request body exceeds ${limit} bytes`)
    this.name = 'BodyTooLargeError'
  }
}

/** Reads a whole request body, rejecting with {@link BodyTooLargeError} past `limit` bytes. */
export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    const buffer = chunk as Buffer
    size += buffer.length
    if (size > limit) throw new BodyTooLargeError(limit)
    chunks.push(buffer)
  }
  return Buffer.concat(chunks)
}

/** The JSON value of a body; `undefined` for an empty body, `{invalid: text}` when unparsable. */
export function parseJsonBody(body: Buffer): { value: unknown } | { invalid: string } | undefined {
  if (body.length === 0) return undefined
  const text = body.toString('utf8')
  try {
    return { value: JSON.parse(text) as unknown }
  } catch {
    return { invalid: text }
  }
}
