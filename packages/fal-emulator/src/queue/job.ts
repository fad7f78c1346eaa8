import type { FalErrorDetail } from '../endpoints/fal-errors.ts'

/** The three states fal reports; failed and cancelled jobs are COMPLETED too (fal has no FAILED). */
export type JobState = 'IN_QUEUE' | 'IN_PROGRESS' | 'COMPLETED'

/** A log line as fal's status reports it (`RequestLog` in the client). */
export interface RequestLog {
  message: string
  level: 'INFO' | 'WARN' | 'ERROR' | 'DEBUG' | 'STDOUT' | 'STDERR'
  source: 'USER'
  timestamp: string
}

/** What the result call answers once the job is COMPLETED. */
export interface JobOutcome {
  readonly status: number
  readonly body: unknown
  readonly headers: Readonly<Record<string, string>>
  readonly billedSeconds: number
  /** What fal bills for the result in US dollars (0 for failures and utilities). */
  readonly billedUsd: number
  /** Set for failures: reported as `error`/`error_type` in the COMPLETED status. */
  readonly error?: { readonly message: string; readonly type: string }
}

/** The submitted body: parsed JSON, text that did not parse, or nothing. */
export type JobInput =
  | { kind: 'json'; value: unknown }
  | { kind: 'invalid'; text: string }
  | undefined

/** One queued request. */
export interface Job {
  readonly id: string
  readonly endpointId: string
  /** `owner/alias`: status, result and cancel look the job up under it. */
  readonly app: string
  readonly input: JobInput
  readonly seq: number
  readonly submittedAt: number
  /** Earliest time the job may leave the queue. */
  readonly readyAt: number
  readonly webhookUrl: string | undefined
  /** From `x-fal-request-timeout`: the job fails with a user timeout if still queued then. */
  readonly startDeadline: number | undefined
  readonly forced422: FalErrorDetail[] | undefined
  readonly abort: AbortController
  state: JobState
  startedAt: number | undefined
  completedAt: number | undefined
  /** A cancel was accepted (the job may still finish, see the `immediateCancel` knob). */
  cancelled: boolean
  logs: RequestLog[]
  outcome: JobOutcome | undefined
}

/** `owner/alias` of an endpoint id (fal drops the sub-path for status, result and cancel). */
export function appOf(endpointId: string): string {
  return endpointId.split('/').slice(0, 2).join('/')
}

/** The queue URLs fal puts in submit and status bodies (the JS client rebuilds its own). */
export function queueUrls(job: Job) {
  const base = `https://queue.fal.run/${job.app}/requests/${job.id}`
  return { response_url: base, status_url: `${base}/status`, cancel_url: `${base}/cancel` }
}

/**
 * The status JSON for a job. `logs` is the array to report (null when `logs=0`); queue position
 * only while IN_QUEUE, metrics and error fields once COMPLETED.
 */
export function statusBody(
  job: Job,
  queuePosition: number,
  logs: RequestLog[] | null,
): Record<string, unknown> {
  const body: Record<string, unknown> = {
    status: job.state,
    request_id: job.id,
    ...queueUrls(job),
    logs,
  }
  if (job.state === 'IN_QUEUE') body.queue_position = queuePosition
  if (job.state === 'COMPLETED') {
    const ran = job.startedAt !== undefined && job.completedAt !== undefined
    body.metrics = {
      inference_time: ran ? ((job.completedAt ?? 0) - (job.startedAt ?? 0)) / 1000 : null,
    }
    if (job.outcome?.error !== undefined) {
      body.error = job.outcome.error.message
      body.error_type = job.outcome.error.type
    }
  } else {
    body.metrics = {}
  }
  return body
}
