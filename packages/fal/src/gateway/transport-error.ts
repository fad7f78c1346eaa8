/** Connection errors that happen before a byte of the request was sent. */
const NEVER_SENT = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
])

/** The `code`s found along an error's `cause` chain (undici wraps the socket error). */
export function transportCodes(error: unknown): string[] {
  const codes: string[] = []
  const seen = new Set<unknown>()
  let current = error
  while (typeof current === 'object' && current !== null && !seen.has(current)) {
    seen.add(current)
    const code = (current as { code?: unknown }).code
    if (typeof code === 'string') codes.push(code)
    current = (current as { cause?: unknown }).cause
  }
  return codes
}

/** Whether a failed fetch surely never reached the server (so repeating it cannot pay twice). */
export function isNeverSent(error: unknown): boolean {
  return transportCodes(error).some((code) => NEVER_SENT.has(code))
}

/** Whether an error is the caller's own abort. */
export function isAbort(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name
  return name === 'AbortError' || name === 'TimeoutError'
}
