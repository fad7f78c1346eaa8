import { parseRunEvent, RUN_EVENT_TYPES } from '@shotchain/api'
import type { RunEvent } from '@shotchain/engine'
import { type RunState, runApi } from './run-api.ts'

/**
 * Follows a run's events over SSE: the whole stream from its first event (a reload rebuilds the
 * run from the replay), then live. The browser reconnects with Last-Event-ID on a dropped
 * connection; once the server ends the stream of a run that is no longer executing (finished, or
 * waiting for a decision), `onStopped` is called instead of reconnecting forever. Each event is
 * parsed by the API contract (`parseRunEvent`); one it refuses is left out, said in the console.
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
  for (const type of RUN_EVENT_TYPES) {
    source.addEventListener(type, (message) => {
      const read = parseRunEvent((message as MessageEvent<string>).data)
      if (!read.ok) {
        // A server newer than the page: its event cannot be folded; the page says so in the console.
        console.error(`Shotchain: run ${runId}: ${read.problem}; reload the page`)
        return
      }
      // No close on run-finished: a resumed run (after a restart or a decision) goes on in the
      // same stream; the server ends the stream once the run is no longer executing.
      onEvent(read.event)
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
