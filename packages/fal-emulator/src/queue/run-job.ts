import { mkdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import type { EmulatorKnobs } from '../config/knobs.ts'
import type { EmulatorLogger } from '../config/logger.ts'
import type { EndpointSpec, JobContext } from '../endpoints/endpoint.ts'
import { ModelError } from '../endpoints/fal-errors.ts'
import type { EmulatorMedia } from '../endpoints/media-port.ts'
import type { FileStore } from '../storage/file-store.ts'
import type { Job, JobOutcome, RequestLog } from './job.ts'

/** What running a job needs besides the job. */
export interface RunDeps {
  readonly knobs: () => EmulatorKnobs
  readonly media: EmulatorMedia
  readonly store: FileStore
  readonly fetch: typeof fetch
  readonly logger: EmulatorLogger
  /** Called after each new log line, so event streams can push it. */
  readonly onLog: (job: Job) => void
}

const PROGRESS_STEPS = [25, 50, 75]

/** Appends a fal-style log line to the job. */
export function appendLog(job: Job, message: string, level: RequestLog['level'] = 'INFO'): void {
  job.logs.push({ message, level, source: 'USER', timestamp: new Date().toISOString() })
}

function modelErrorOutcome(error: ModelError): JobOutcome {
  return {
    status: error.status,
    body: { detail: error.detail },
    headers: error.headers,
    billedSeconds: 0,
    billedUsd: 0,
    error: { message: error.message, type: error.detail[0]?.type ?? 'validation_error' },
  }
}

function invalidJsonOutcome(): JobOutcome {
  return modelErrorOutcome(
    new ModelError([
      { loc: ['body', 0], msg: 'JSON decode error', type: 'json_invalid', input: {} },
    ]),
  )
}

async function runModel(job: Job, endpoint: EndpointSpec, ctx: JobContext, deps: RunDeps) {
  if (job.forced422 !== undefined) return modelErrorOutcome(new ModelError(job.forced422))
  if (job.input?.kind === 'invalid') return invalidJsonOutcome()
  try {
    const output = await endpoint.run(job.input?.value, ctx)
    const { billedSeconds, billedUsd } = output
    return { status: 200, body: output.body, headers: {}, billedSeconds, billedUsd }
  } catch (error) {
    if (error instanceof ModelError) return modelErrorOutcome(error)
    if (job.abort.signal.aborted) throw error
    const message = error instanceof Error ? error.message : String(error)
    deps.logger.error('fal emulator: job failed unexpectedly', { requestId: job.id, message })
    const outcome: JobOutcome = {
      status: 500,
      body: { detail: `Emulator error while running ${job.endpointId}: ${message}` },
      headers: { 'x-fal-error-type': 'runner_server_error' },
      billedSeconds: 0,
      billedUsd: 0,
      error: { message, type: 'runner_server_error' },
    }
    return outcome
  }
}

/**
 * Runs a job's model, taking at least `runLatencyMs` (as configured while it waits), with progress
 * log lines along the way.
 * Resolves with what the result call will answer; rejects only when the job is aborted.
 */
export async function executeJob(
  job: Job,
  endpoint: EndpointSpec,
  deps: RunDeps,
): Promise<JobOutcome> {
  const knobs = deps.knobs()
  const signal = job.abort.signal
  const started = Date.now()
  const log = (message: string, level?: RequestLog['level']) => {
    appendLog(job, message, level)
    deps.onLog(job)
  }
  let scratch: string | undefined
  const ctx: JobContext = {
    requestId: job.id,
    signal,
    knobs,
    media: deps.media,
    log,
    // This store's files stay reachable by the URLs an earlier emulator on its folder gave out.
    fetch: (url, init) =>
      deps.fetch(typeof url === 'string' ? deps.store.currentUrls(url) : url, init),
    async tempDir() {
      scratch ??= join(deps.store.dir, 'tmp', job.id)
      await mkdir(scratch, { recursive: true })
      return scratch
    },
    async publish(file, contentType, fileName) {
      const stored = await deps.store.publish(file, contentType, fileName)
      return {
        url: stored.url,
        content_type: contentType,
        file_name: fileName,
        file_size: stored.size,
      }
    },
  }
  const timers = PROGRESS_STEPS.map((percent) =>
    setTimeout(() => log(`Progress: ${percent}%`), (knobs.runLatencyMs * percent) / 100),
  )
  log(`Starting ${job.endpointId}`)
  try {
    const outcome = await runModel(job, endpoint, ctx, deps)
    // The latency is read again as the job waits: a test may hold jobs (a long latency) and
    // then let them finish (a short one).
    for (;;) {
      const left = started + deps.knobs().runLatencyMs - Date.now()
      if (left <= 0) break
      await sleep(Math.min(left, 250), undefined, { signal })
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1)
    log(
      outcome.status < 300 ? `Completed in ${seconds}s` : `Failed after ${seconds}s`,
      outcome.status < 300 ? 'INFO' : 'ERROR',
    )
    return outcome
  } finally {
    for (const timer of timers) clearTimeout(timer)
    if (scratch !== undefined) await rm(scratch, { recursive: true, force: true })
  }
}
