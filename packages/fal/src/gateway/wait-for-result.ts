import type { FalClient, QueueStatus } from '@fal-ai/client'
import { ERROR_CODES, ShotchainError } from '@shotchain/graph'
import { sleep } from './retry-policy.ts'
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
  /** Cancels the job at fal (best effort) when the wait is aborted. */
  readonly cancel: (endpoint: string, requestId: string) => Promise<unknown>
}

/**
 * Polls a job until fal says COMPLETED, reporting queue position and new log lines, then fetches
 * its result. Aborting cancels the job at fal: an abandoned wait must not keep billing.
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
          Promise.reject(toShotchainError(error, `status of ${requestId}`)),
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
    const result = await client.queue.result(endpoint, { requestId }).catch((error: unknown) => {
      const failure = toShotchainError(error, `result of ${requestId}`)
      // After COMPLETED, a 5xx that outlived our retries is the job's own failure: final.
      if (failure.code === ERROR_CODES.server) {
        return Promise.reject(new ShotchainError(failure.code, failure.message, { cause: failure }))
      }
      return Promise.reject(failure)
    })
    return result.data
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
