import { randomUUID } from 'node:crypto'
import type { EmulatorKnobs } from '../config/knobs.ts'
import type { EndpointSpec } from '../endpoints/endpoint.ts'
import type { FalErrorDetail } from '../endpoints/fal-errors.ts'
import type { StatsRecorder } from '../stats/emulator-stats.ts'
import { appOf, type Job, type JobInput, type JobOutcome } from './job.ts'
import type { JobFiles } from './job-files.ts'
import { appendLog, executeJob, type RunDeps } from './run-job.ts'
import { deliverWebhook, webhookBody } from './webhook.ts'

/** The emulator's queue: admission, scheduling with a concurrency limit, cancel, change events. */
export interface JobQueue {
  /** Queues a job; resolves once it is saved, so a request id handed out survives a kill. */
  submit(endpoint: EndpointSpec, input: JobInput, options: SubmitOptions): Promise<Job>
  /** The job with `id` under `app` (`owner/alias`), if any. */
  find(app: string, id: string): Job | undefined
  /** Jobs IN_QUEUE ahead of this one (0 for the next to run). */
  position(job: Job): number
  cancel(job: Job): 'CANCELLATION_REQUESTED' | 'ALREADY_COMPLETED'
  /** Calls `listener` after any change to any job; returns the unsubscribe function. */
  onChange(listener: () => void): () => void
  /** Jobs waiting and running right now. */
  counts(): { queued: number; running: number }
  /** Re-evaluates the queue after a knob change. */
  pump(): void
  /**
   * Takes up the jobs an earlier emulator saved, once this one serves at its address: results
   * and inputs point at that address, jobs that were running run again (to the end, billed),
   * queued ones wait their turn.
   */
  resume(): void
  /** Aborts all work and timers; resolves once running jobs have wound down. */
  stop(): Promise<void>
}

/** Per-submit settings taken from the query and headers. */
export interface SubmitOptions {
  /** `fal_webhook`: where to POST the outcome. */
  readonly webhookUrl?: string | undefined
  /** `x-fal-request-timeout`: seconds the job may wait before it starts. */
  readonly startTimeoutSec?: number | undefined
}

/** What the queue needs from the emulator. */
export interface QueueDeps extends Omit<RunDeps, 'onLog'> {
  readonly endpoints: ReadonlyMap<string, EndpointSpec>
  readonly stats: StatsRecorder
  /** Takes one forced 422 if the knob asks for one. */
  readonly takeForced422: () => FalErrorDetail[] | undefined
  /** Where jobs are saved, and the jobs saved by an earlier emulator. */
  readonly files: JobFiles
  readonly restored: readonly Job[]
}

const CANCELLED: JobOutcome = {
  status: 499,
  body: { detail: 'Request was cancelled', error_type: 'client_cancelled' },
  headers: { 'x-fal-error-type': 'client_cancelled' },
  billedSeconds: 0,
  billedUsd: 0,
  error: { message: 'Request was cancelled', type: 'client_cancelled' },
}

// fal's answer when a job did not start within x-fal-request-timeout; the client never retries it.
const START_TIMEOUT: JobOutcome = {
  status: 504,
  body: { detail: 'Request timed out before it started', error_type: 'startup_timeout' },
  headers: { 'x-fal-error-type': 'startup_timeout', 'x-fal-request-timeout-type': 'user' },
  billedSeconds: 0,
  billedUsd: 0,
  error: { message: 'Request timed out before it started', type: 'startup_timeout' },
}

/** Creates the queue. Jobs leave IN_QUEUE after `queueLatencyMs`, FIFO, while a slot is free. */
export function createJobQueue(deps: QueueDeps): JobQueue {
  const jobs = new Map(deps.restored.map((job) => [job.id, job]))
  const waiting: Job[] = []
  const listeners = new Set<() => void>()
  const stopped = new AbortController()
  let running = 0
  let seq = Math.max(-1, ...deps.restored.map((job) => job.seq)) + 1
  let timer: NodeJS.Timeout | undefined
  const inflight = new Set<Promise<unknown>>()

  const notify = () => {
    for (const listener of listeners) listener()
  }
  const knobs = (): EmulatorKnobs => deps.knobs()
  const persist = (job: Job) => {
    deps.files.save(job).catch((error: unknown) => {
      deps.logger.error('fal emulator: could not save a job', { id: job.id, error: String(error) })
    })
  }

  const finish = (job: Job, outcome: JobOutcome) => {
    if (job.state === 'COMPLETED') return
    if (job.state === 'IN_PROGRESS') running--
    job.state = 'COMPLETED'
    job.completedAt = Date.now()
    job.outcome = outcome
    if (outcome !== CANCELLED) {
      deps.stats.add('completed', job.endpointId)
      if (outcome.status >= 300) deps.stats.add('failed', job.endpointId)
      if (outcome.billedSeconds > 0 || outcome.billedUsd > 0) {
        deps.stats.add('billed', job.endpointId)
        if (outcome.billedSeconds > 0) {
          deps.stats.add('billedSeconds', job.endpointId, outcome.billedSeconds)
        }
        if (outcome.billedUsd > 0) deps.stats.add('billedUsd', job.endpointId, outcome.billedUsd)
      }
    }
    persist(job)
    if (job.webhookUrl !== undefined) {
      const url = job.webhookUrl
      void deliverWebhook(
        url,
        webhookBody(job, outcome),
        deps.fetch,
        deps.logger,
        stopped.signal,
      ).then((ok) => deps.stats.webhook(ok))
    }
    pump()
  }

  const start = (job: Job) => {
    const endpoint = deps.endpoints.get(job.endpointId)
    if (endpoint === undefined) throw new Error(`no endpoint ${job.endpointId}`)
    job.state = 'IN_PROGRESS'
    job.startedAt = Date.now()
    running++
    persist(job)
    const execution = executeJob(job, endpoint, { ...deps, onLog: notify }).then(
      (outcome) => finish(job, outcome),
      (error: unknown) => {
        // Only an abort rejects: the job was cancelled (already finished) or the emulator stopped.
        if (!job.abort.signal.aborted)
          deps.logger.error('fal emulator: job crashed', { error: String(error) })
      },
    )
    inflight.add(execution)
    void execution.finally(() => inflight.delete(execution))
  }

  function pump() {
    if (stopped.signal.aborted) return
    clearTimeout(timer)
    timer = undefined
    const now = Date.now()
    const { concurrency } = knobs()
    for (const job of [...waiting]) {
      if (job.startDeadline !== undefined && job.startDeadline <= now) {
        waiting.splice(waiting.indexOf(job), 1)
        finish(job, START_TIMEOUT)
        continue
      }
      if (running >= concurrency) continue
      if (job.readyAt > now) continue
      waiting.splice(waiting.indexOf(job), 1)
      start(job)
    }
    const wakeups = waiting.flatMap((j) => [j.readyAt, j.startDeadline ?? Number.POSITIVE_INFINITY])
    const nextReady = Math.min(...wakeups.filter((t) => t > now))
    if (Number.isFinite(nextReady)) timer = setTimeout(pump, nextReady - now)
    notify()
  }

  return {
    async submit(endpoint, input, { webhookUrl, startTimeoutSec }) {
      const now = Date.now()
      const job: Job = {
        id: randomUUID(),
        endpointId: endpoint.id,
        app: appOf(endpoint.id),
        input,
        seq: seq++,
        submittedAt: now,
        readyAt: now + knobs().queueLatencyMs,
        webhookUrl,
        startDeadline: startTimeoutSec === undefined ? undefined : now + startTimeoutSec * 1000,
        forced422: deps.takeForced422(),
        abort: new AbortController(),
        state: 'IN_QUEUE',
        startedAt: undefined,
        completedAt: undefined,
        cancelled: false,
        logs: [],
        outcome: undefined,
      }
      jobs.set(job.id, job)
      waiting.push(job)
      deps.stats.add('submits', endpoint.id)
      await deps.files.save(job)
      // Let the submit response go out before the job may start.
      setImmediate(pump)
      return job
    },
    find(app, id) {
      const job = jobs.get(id)
      return job?.app === app ? job : undefined
    },
    position: (job) => Math.max(0, waiting.indexOf(job)),
    cancel(job) {
      if (job.state === 'COMPLETED') return 'ALREADY_COMPLETED'
      if (job.cancelled) return 'CANCELLATION_REQUESTED'
      job.cancelled = true
      deps.stats.add('cancelled', job.endpointId)
      const index = waiting.indexOf(job)
      if (index >= 0) waiting.splice(index, 1)
      if (index < 0 && !knobs().immediateCancel) {
        // fal only signals the runner; Kling's does not stop, so the job finishes and bills.
        appendLog(job, 'Cancellation requested: the runner was signalled, the job goes on', 'WARN')
        persist(job)
        notify()
        return 'CANCELLATION_REQUESTED'
      }
      appendLog(job, 'Request cancelled', 'WARN')
      job.abort.abort(new Error('cancelled'))
      finish(job, CANCELLED)
      return 'CANCELLATION_REQUESTED'
    },
    onChange(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    counts: () => ({ queued: waiting.length, running }),
    pump,
    resume() {
      for (const job of deps.restored) {
        Object.assign(job, deps.store.currentUrls({ input: job.input, outcome: job.outcome }))
        if (job.state === 'IN_QUEUE') waiting.push(job)
        if (job.state !== 'IN_PROGRESS') continue
        appendLog(job, 'The runner restarted with the emulator; generating again', 'WARN')
        start(job)
      }
      pump()
    },
    async stop() {
      stopped.abort()
      clearTimeout(timer)
      for (const job of jobs.values()) job.abort.abort(new Error('emulator stopped'))
      listeners.clear()
      await Promise.allSettled([...inflight])
      await deps.files.flush()
    },
  }
}
