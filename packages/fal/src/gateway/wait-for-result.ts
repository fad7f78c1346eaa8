import type { FalClient, QueueStatus } from '@fal-ai/client'
import { ERROR_CODES, ShotchainError } from '@shotchain/errors'
import { backoffDelay, type RetryPolicy, sleep } from './retry-policy.ts'
import { toShotchainError } from './to-shotchain-error.ts'

/** What a waiting node hears about its job. */
export interface FalProgress {
  readonly status: 'queued' | 'running' | 'completed'
  readonly queuePosition?: number
  /** Log lines new since the last report. */
  readonly logs: readonly string[]
}

export interface WaitOptions {
  readonly signal?: AbortSignal
  readonly onProgress?: (progress: FalProgress) => void
}

interface WaitContext {
  readonly client: FalClient
  readonly pollIntervalMs: number
  /** The backoff between tries of a result call that failed in passing. */
  readonly retry: RetryPolicy
  /**
   * How long a COMPLETED job's result call keeps being tried through passing failures (5xx,
   * timeouts, dropped connections) before the wait gives up, the request still journaled.
   */
  readonly resultPatienceMs: number
  readonly now: () => number
  /** Cancels the job at fal (best effort) when the wait is aborted. */
  readonly cancel: (endpoint: string, requestId: string) => Promise<unknown>
}

/**
 * Polls a job until fal says COMPLETED, reporting queue position and new log lines, then fetches
 * its result, trying again through passing failures for `resultPatienceMs`: fal reports 5xx on
 * the result of finished jobs for minutes at a time. Aborting cancels the job at fal: an
 * abandoned wait must not keep billing.
 *
 * Rejects with a `ShotchainError`; `requestEnded: true` when fal's answer means the request
 * ended without a result and never will (refused its input, cancelled, unknown) — any other
 * failure leaves the paid request worth re-attaching to.
 */
export async function waitForResult(
  context: WaitContext,
  endpoint: string,
  requestId: string,
  options: WaitOptions = {},
): Promise<unknown> {
  const { client } = context
  const { signal, onProgress } = options
  let logsSeen = 0
  try {
    for (;;) {
      signal?.throwIfAborted()
      const status: QueueStatus = await client.queue
        .status(endpoint, { requestId, logs: true, ...(signal ? { abortSignal: signal } : {}) })
        .catch((error: unknown) =>
          Promise.reject(settledFailure(toShotchainError(error, `status of ${requestId}`))),
        )
      const logs = 'logs' in status && Array.isArray(status.logs) ? status.logs : []
      const fresh = logs.slice(logsSeen).map((log: { message: string }) => log.message)
      logsSeen = Math.max(logsSeen, logs.length)
      if (status.status === 'IN_QUEUE') {
        onProgress?.({ status: 'queued', queuePosition: status.queue_position, logs: fresh })
      } else if (status.status === 'IN_PROGRESS') {
        onProgress?.({ status: 'running', logs: fresh })
      } else {
        onProgress?.({ status: 'completed', logs: fresh })
        break
      }
      await sleep(context.pollIntervalMs, signal)
    }
    return await fetchResult(context, endpoint, requestId, signal)
  } catch (error) {
    if (!signal?.aborted) throw error
    await context.cancel(endpoint, requestId).catch(() => undefined)
    throw new ShotchainError(
      ERROR_CODES.cancelled,
      `cancelled; fal was asked to cancel ${requestId}`,
      {
        cause: error,
      },
    )
  }
}

/** The result of a COMPLETED job, tried again through passing failures for the patience window. */
async function fetchResult(
  context: WaitContext,
  endpoint: string,
  requestId: string,
  signal: AbortSignal | undefined,
): Promise<unknown> {
  const giveUpAt = context.now() + context.resultPatienceMs
  for (let attempt = 0; ; attempt++) {
    try {
      const result = await context.client.queue.result(endpoint, { requestId })
      return result.data
    } catch (error) {
      const failure = toShotchainError(error, `result of ${requestId}`)
      if (!failure.retryable || context.now() >= giveUpAt) throw settledFailure(failure)
      await sleep(backoffDelay(context.retry, attempt), signal)
    }
  }
}

/** Codes by which fal says a request is over without a result: its input refused, or it is gone. */
const ENDED_CODES = new Set<string>([
  ERROR_CODES.validation,
  ERROR_CODES.notFound,
  ERROR_CODES.cancelled,
])

/**
 * Marks a failure that is fal's final word on the request as `requestEnded`. A passing failure,
 * and a refusal of our credentials (fix the key, and the job is still there), are not.
 */
function settledFailure(failure: ShotchainError): ShotchainError {
  if (failure.retryable || !ENDED_CODES.has(failure.code)) return failure
  return new ShotchainError(failure.code, failure.message, {
    ...(failure.field === undefined ? {} : { field: failure.field }),
    cause: failure,
    requestEnded: true,
  })
}
