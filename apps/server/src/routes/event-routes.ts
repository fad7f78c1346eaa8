import { readEvents, type StoredEvent } from '@shotchain/runs'
import { Hono } from 'hono'
import { type SSEStreamingApi, streamSSE } from 'hono/streaming'
import type { AppContext } from '../http/app-context.ts'

const KEEPALIVE_MS = 15_000

/**
 * `GET /api/runs/:id/events`: the run's events as SSE, `id:` being the event's seq. Replays from
 * the store after `Last-Event-ID` (or `?after=`), then goes on reading the store each time the
 * feed says the run may have new events, until `run-finished`. Events always come from the
 * store, so any server process streams a run whichever process executes it, and a run taken over
 * midway streams without a gap. For a run that no process executes, the stream ends after the
 * replay.
 */
export function eventRoutes(app: AppContext): Hono {
  const routes = new Hono()
  routes.get('/runs/:id/events', (c) => {
    const runId = c.req.param('id')
    if (app.store.runs.get(runId) === undefined) {
      return c.json({ error: `no run with id "${runId}"` }, 404)
    }
    const raw = c.req.header('last-event-id') ?? c.req.query('after') ?? '0'
    const after = Number(raw)
    if (!Number.isSafeInteger(after) || after < 0) {
      return c.json({ error: `Last-Event-ID / after: "${raw}" is not an event id (0, 1, 2…)` }, 400)
    }
    return streamSSE(c, (stream) => follow(app, runId, after, stream))
  })
  return routes
}

async function follow(app: AppContext, runId: string, after: number, stream: SSEStreamingApi) {
  let wake: (() => void) | undefined
  // Set by the feed (and the keepalive) before the log is read, so no wake-up is missed
  // between a read and the wait that follows it.
  let stale = true
  let closed = false
  const nudge = () => {
    stale = true
    wake?.()
  }
  const unwatch = app.feed.watch(runId, nudge)
  stream.onAbort(() => {
    closed = true
    wake?.()
  })
  const keepalive = setInterval(() => {
    void stream.write(': keepalive\n\n')
    nudge()
  }, KEEPALIVE_MS)
  let last = after
  let lastType: string | undefined
  const sendNew = async () => {
    stale = false
    for (const { seq, event } of readEvents(app.store, runId, last) as StoredEvent[]) {
      if (closed) return
      await stream.writeSSE({ id: String(seq), event: event.type, data: JSON.stringify(event) })
      last = seq
      lastType = event.type
    }
  }
  try {
    while (!closed) {
      if (stale) {
        await sendNew()
        // A run resumed after a decision has an earlier run-finished in its log: the last event
        // sent, or a run no process executes any more, says the stream is complete.
        if (lastType === 'run-finished') break
        if (!app.runs.mayProgress(runId)) {
          // Its last events were stored before it stopped progressing.
          await sendNew()
          break
        }
        continue
      }
      await new Promise<void>((resolve) => {
        wake = resolve
      })
      wake = undefined
    }
  } finally {
    clearInterval(keepalive)
    unwatch()
  }
}
