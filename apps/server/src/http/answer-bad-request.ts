import type { Socket } from 'node:net'
import { RequestError } from '@hono/node-server'

/**
 * The adapter's error handler: a request it could not turn into a `Request` (a Host header that is
 * no host, a backslash in the path) is the client's fault, so it gets a JSON 400 saying so, like
 * every other refusal; anything else is a JSON 500 without details.
 */
export function answerUnreadableRequest(error: unknown): Response {
  if (error instanceof RequestError) {
    return Response.json(
      { error: `bad request: ${error.message}; open the URL the server printed` },
      { status: 400 },
    )
  }
  return Response.json(
    { error: 'internal server error; the server log has the details' },
    { status: 500 },
  )
}

const PARSE_ERROR_BODY = JSON.stringify({
  error:
    'bad request: the HTTP request could not be parsed (a header with characters HTTP forbids?)',
})

/**
 * Node's `clientError` handler: a request Node's HTTP parser refuses gets a JSON 400 (Node's own
 * answer is an empty 400), then the connection is closed.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  if (!socket.writable || error.code === 'ECONNRESET') {
    socket.destroy()
    return
  }
  socket.end(
    [
      'HTTP/1.1 400 Bad Request',
      'Content-Type: application/json',
      `Content-Length: ${Buffer.byteLength(PARSE_ERROR_BODY)}`,
      'Connection: close',
      '',
      PARSE_ERROR_BODY,
    ].join('\r\n'),
  )
}
