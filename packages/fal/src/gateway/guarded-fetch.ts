import { ERROR_CODES } from '@shotchain/errors'
import { backoffDelay, type RetryPolicy, sleep } from './retry-policy.ts'
import { SubmitFailure } from './submit-failure.ts'
import { isAbort, isNeverSent } from './transport-error.ts'

type Fetch = typeof fetch

/** Statuses worth another try on a call that is safe to repeat. */
const PASSING_STATUSES = new Set([429, 500, 502, 503, 504])

/** What a request to fal is, by the rules of the queue protocol. */
export type CallKind = 'submit' | 'repeatable' | 'stream'

/**
 * Classifies a call the client makes. A POST to the queue host is a submit (paid); status,
 * result and cancel are repeatable; the status stream is long-lived and left to the client.
 */
export function classifyCall(url: string, method: string): CallKind {
  const { hostname, pathname } = new URL(url)
  if (hostname === 'queue.fal.run' && method === 'POST') return 'submit'
  if (pathname.endsWith('/status/stream')) return 'stream'
  return 'repeatable'
}

/**
 * Wraps the fetch `@fal-ai/client` uses (the real one, or the emulator's router) with our retry
 * policy. Repeatable calls retry on 429/5xx and dropped connections with backoff. A submit is
 * never repeated here, and failures the client would repeat on its own become a
 * {@link SubmitFailure}: `network` when nothing was sent (safe to try again), `rate-limited` on
 * a 429 (refused, not queued), and `ambiguous-submit` when fal may have queued (and billed) it.
 */
export function createGuardedFetch(base: Fetch, policy: RetryPolicy): Fetch {
  const guarded = async (input: Parameters<Fetch>[0], init?: RequestInit): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
    const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase()
    const kind = classifyCall(url, method)
    if (kind === 'submit') return submitOnce(base, input, init)
    if (kind === 'stream') return base(input, init)
    return repeat(base, input, init, policy)
  }
  return guarded as Fetch
}

async function submitOnce(base: Fetch, input: Parameters<Fetch>[0], init?: RequestInit) {
  let response: Response
  try {
    response = await base(input, init)
  } catch (error) {
    if (isAbort(error)) throw error
    if (isNeverSent(error)) {
      throw new SubmitFailure(ERROR_CODES.network, 'could not connect to fal; nothing was sent', {
        retryable: true,
        transportError: error,
      })
    }
    throw new SubmitFailure(
      ERROR_CODES.ambiguousSubmit,
      'the connection to fal broke while submitting; the job may or may not have been queued',
      { retryable: false, transportError: error },
    )
  }
  if (response.status === 429) {
    throw new SubmitFailure(
      ERROR_CODES.rateLimited,
      'fal is rate-limiting submits; nothing was queued',
      {
        retryable: true,
        status: 429,
      },
    )
  }
  if (response.status >= 500) {
    throw new SubmitFailure(
      ERROR_CODES.ambiguousSubmit,
      `fal answered the submit with HTTP ${response.status}; the job may or may not have been queued`,
      { retryable: false, status: response.status },
    )
  }
  return response
}

async function repeat(
  base: Fetch,
  input: Parameters<Fetch>[0],
  init: RequestInit | undefined,
  policy: RetryPolicy,
): Promise<Response> {
  for (let attempt = 0; ; attempt++) {
    const last = attempt >= policy.attempts - 1
    try {
      const response = await base(input, init)
      if (last || !PASSING_STATUSES.has(response.status)) return response
      await response.body?.cancel()
    } catch (error) {
      if (last || isAbort(error) || init?.signal?.aborted) throw error
    }
    await sleep(backoffDelay(policy, attempt), init?.signal ?? undefined)
  }
}
