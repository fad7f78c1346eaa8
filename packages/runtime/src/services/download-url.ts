import { ERROR_CODES, type ErrorCode, ShotchainError } from '@shotchain/errors'
import { backoffDelay, DEFAULT_RETRY_POLICY, type RetryPolicy, sleep } from '@shotchain/fal'

/** Answers worth another try: the server or a proxy in passing trouble, or a rate limit. */
const PASSING = new Set([408, 425, 429, 500, 502, 503, 504])

function codeOfStatus(status: number): ErrorCode {
  if (status === 404 || status === 410) return ERROR_CODES.notFound
  if (status === 401 || status === 403) return ERROR_CODES.unauthorized
  if (status === 429) return ERROR_CODES.rateLimited
  if (status === 408 || status === 504) return ERROR_CODES.timeout
  if (status >= 500) return ERROR_CODES.server
  return ERROR_CODES.validation
}

/** One try: the whole body, or a ShotchainError saying whether another try may help. */
async function fetchOnce(
  url: string,
  signal: AbortSignal,
  fetchFn: typeof fetch,
): Promise<Uint8Array> {
  let response: Response
  try {
    response = await fetchFn(url, { signal })
  } catch (error) {
    throw new ShotchainError(ERROR_CODES.network, `could not download ${url}`, {
      retryable: true,
      cause: error,
    })
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined)
    throw new ShotchainError(
      codeOfStatus(response.status),
      `${url} answered HTTP ${response.status}`,
      {
        retryable: PASSING.has(response.status),
      },
    )
  }
  let bytes: Uint8Array
  try {
    bytes = new Uint8Array(await response.arrayBuffer())
  } catch (error) {
    throw new ShotchainError(ERROR_CODES.network, `the download of ${url} broke off`, {
      retryable: true,
      cause: error,
    })
  }
  const announced = Number(response.headers.get('content-length') ?? Number.NaN)
  if (Number.isFinite(announced) && announced !== bytes.byteLength) {
    throw new ShotchainError(
      ERROR_CODES.network,
      `the download of ${url} ended after ${bytes.byteLength} of ${announced} bytes`,
      { retryable: true },
    )
  }
  return bytes
}

/**
 * Downloads `url` whole, trying again with exponential backoff through dropped connections,
 * bodies cut short (checked against Content-Length) and passing HTTP answers (408, 429, 5xx).
 * Rejects with a `ShotchainError`: `not-found`, `unauthorized` or `validation` for answers that
 * another try will not change, the last passing failure (`retryable: true`) once the tries are
 * spent, or the signal's reason when it aborts.
 */
export async function downloadUrl(
  url: string,
  signal: AbortSignal,
  options: { readonly policy?: RetryPolicy; readonly fetch?: typeof fetch } = {},
): Promise<Uint8Array> {
  // The gateway's patience for repeatable calls: about a minute of CDN trouble.
  const policy = options.policy ?? DEFAULT_RETRY_POLICY
  const fetchFn = options.fetch ?? fetch
  for (let attempt = 0; ; attempt++) {
    try {
      return await fetchOnce(url, signal, fetchFn)
    } catch (error) {
      const last = attempt >= policy.attempts - 1
      if (signal.aborted || last || !(error as ShotchainError).retryable) throw error
      await sleep(backoffDelay(policy, attempt), signal)
    }
  }
}
