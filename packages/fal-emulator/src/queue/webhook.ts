import { setTimeout as sleep } from 'node:timers/promises'
import type { EmulatorLogger } from '../config/logger.ts'
import type { Job, JobOutcome } from './job.ts'

/** The body fal POSTs to a `fal_webhook` URL when a request completes. */
export interface WebhookBody {
  request_id: string
  gateway_request_id: string
  status: 'OK' | 'ERROR'
  payload: unknown
  error: string | null
}

/** The webhook body for a completed job. */
export function webhookBody(job: Job, outcome: JobOutcome): WebhookBody {
  const ok = outcome.status >= 200 && outcome.status < 300
  return {
    request_id: job.id,
    gateway_request_id: job.id,
    status: ok ? 'OK' : 'ERROR',
    payload: outcome.body,
    error: ok ? null : `Invalid status code: ${outcome.status}`,
  }
}

const ATTEMPTS = 3
const RETRY_DELAY_MS = 200

/**
 * POSTs the webhook, retrying a few times on failure (fal retries for hours; the emulator keeps
 * it short). Resolves with whether a 2xx was received; never rejects.
 */
export async function deliverWebhook(
  url: string,
  body: WebhookBody,
  fetchImpl: typeof fetch,
  logger: EmulatorLogger,
  signal: AbortSignal,
): Promise<boolean> {
  for (let attempt = 1; attempt <= ATTEMPTS && !signal.aborted; attempt++) {
    try {
      const res = await fetchImpl(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.any([signal, AbortSignal.timeout(15_000)]),
      })
      await res.arrayBuffer().catch(() => undefined)
      if (res.ok) return true
      logger.warn('fal emulator: webhook answered non-2xx', { url, status: res.status, attempt })
    } catch (error) {
      logger.warn('fal emulator: webhook delivery failed', { url, attempt, error: String(error) })
    }
    if (attempt < ATTEMPTS) await sleep(RETRY_DELAY_MS * attempt).catch(() => undefined)
  }
  return false
}
