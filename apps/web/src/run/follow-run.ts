import type { RunEvent } from '@shotchain/engine'
import { type RunState, runApi } from './run-api.ts'

const EVENT_TYPES: readonly RunEvent['type'][] = [
  'run-started',
  'node-queued',
  'node-started',
  'node-submitted',
  'node-progress',
  'node-cached',
  'node-succeeded',
  'node-failed',
  'node-skipped',
  'node-cancelled',
  'run-finished',
]

/**
 * Follows a run's events over SSE: the whole stream from its first event (a reload rebuilds the
 * run from the replay), then live. The browser reconnects with Last-Event-ID on a dropped
 * connection; once the server ends the stream of a run that is no longer executing (finished, or
 * waiting for a decision), `onStopped` is called instead of reconnecting forever.
 * Returns the function that stops following.
 */
export function followRun(
  runId: string,
  onEvent: (event: RunEvent) => void,
  onStopped: (run: RunState) => void,
): () => void {
  const source = new EventSource(`/api/runs/${encodeURIComponent(runId)}/events`)
  let finished = false
  const close = () => {
    finished = true
    source.close()
  }
  for (const type of EVENT_TYPES) {
    source.addEventListener(type, (message) => {
      const event = JSON.parse((message as MessageEvent<string>).data) as RunEvent
      // No close on run-finished: a resumed run (after a restart or a decision) goes on in the
      // same stream; the server ends the stream once the run is no longer executing.
      onEvent(event)
    })
  }
  source.addEventListener('error', () => {
    if (finished) return
    // CLOSED: the browser gave up; CONNECTING: it retries, unless the run has stopped.
    void runApi.get(runId).then((run) => {
      if (run.ok && !run.value.active && !finished) {
        close()
        onStopped(run.value)
      }
    })
  })
  return close
}
