/** How the gateway retries calls that are safe to repeat (status, result, cancel, uploads). */
export interface RetryPolicy {
  /** Tries in all, the first included. */
  readonly attempts: number
  readonly baseDelayMs: number
  readonly maxDelayMs: number
}

/** About a minute of patience over 8 tries: a dropped connection or a 503 blip is not a failed shot. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  attempts: 8,
  baseDelayMs: 500,
  maxDelayMs: 15_000,
}

/** Exponential backoff with ±25 % jitter, so many waiting nodes do not retry in step. */
export function backoffDelay(policy: RetryPolicy, attempt: number, random = Math.random): number {
  const delay = Math.min(policy.baseDelayMs * 2 ** attempt, policy.maxDelayMs)
  return Math.max(0, delay + delay * 0.25 * (random() * 2 - 1))
}

/** Waits `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason)
      return
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    const onAbort = () => {
      clearTimeout(timer)
      reject(signal?.reason)
    }
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}
