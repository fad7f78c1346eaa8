import type { IncomingMessage, ServerResponse } from 'node:http'

const EXPOSED = [
  'x-fal-request-id',
  'x-fal-request-timeout-type',
  'x-fal-error-type',
  'x-fal-retryable',
  'x-fal-billable-units',
  'content-range',
  'accept-ranges',
  'content-length',
].join(', ')

const ALLOWED_HEADERS =
  'authorization, content-type, accept, range, x-fal-target-url, x-fal-queue-priority, x-fal-runner-hint, x-fal-request-timeout, x-fal-object-lifecycle-preference, x-fal-object-lifecycle'

/**
 * Adds the CORS headers a browser needs to call the emulator and read fal's headers, for an
 * allowed `origin` only (see access-rules): other pages get none, so they cannot read answers.
 */
export function setCorsHeaders(
  req: IncomingMessage,
  res: ServerResponse,
  origin: string | undefined,
): void {
  res.setHeader('vary', 'origin')
  if (origin === undefined) return
  res.setHeader('access-control-allow-origin', origin)
  res.setHeader('access-control-allow-methods', 'GET, HEAD, POST, PUT, OPTIONS')
  // Echo what the preflight asks for: the client may send any x-fal-* header.
  res.setHeader(
    'access-control-allow-headers',
    req.headers['access-control-request-headers'] ?? ALLOWED_HEADERS,
  )
  res.setHeader('access-control-expose-headers', EXPOSED)
  res.setHeader('access-control-max-age', '600')
}
