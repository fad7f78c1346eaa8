import { readEvents } from '@shotchain/runs'
import { Hono } from 'hono'
import { type SSEStreamingApi, streamSSE } from 'hono/streaming'
import type { AppContext } from '../http/app-context.ts'
import type { StoredEvent } from '../runs/event-hub.ts'

const KEEPALIVE_MS = 15_000

/**
 * `GET /api/runs/:id/events`: the run's events as SSE, `id:` being the event's seq. Replays from
 * the store after `Last-Event-ID` (or `?after=`), then streams live events until `run-finished`;
 * for a run that is not executing, the stream ends after the replay.
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
  const queue: StoredEvent[] = []
  let wake: (() => void) | undefined
  let closed = false
  // Subscribe before reading the store: an event is stored and published in one synchronous
  // step, so every event is in the replay, the queue, or both (the seq check drops the second).
  const unsubscribe = app.hub.subscribe(runId, (stored) => {
    queue.push(stored)
    wake?.()
  })
  stream.onAbort(() => {
    closed = true
    wake?.()
  })
  let gone = false
  const keepalive = setInterval(() => {
    void stream.write(': keepalive\n\n')
    // A run that stopped executing without a run-finished reaching the hub (its store write
    // failed): end the stream instead of keeping the follower waiting for ever.
    if (!app.runs.isActive(runId)) {
      gone = true
      wake?.()
    }
  }, KEEPALIVE_MS)
  let last = after
  let lastType: string | undefined
  const send = async ({ seq, event }: StoredEvent) => {
    if (seq <= last || closed) return
    await stream.writeSSE({ id: String(seq), event: event.type, data: JSON.stringify(event) })
    last = seq
    lastType = event.type
  }
  try {
    for (const stored of readEvents(app.store, runId, after)) await send(stored)
    // A run resumed after a decision has an earlier run-finished in its log: only the last
    // event, or a run no longer executing, says the stream is complete.
    let finished = lastType === 'run-finished' || !app.runs.isActive(runId)
    while (!finished && !closed) {
      const next = queue.shift()
      if (next !== undefined) {
        await send(next)
        finished = lastType === 'run-finished'
        continue
      }
      if (gone) break
      await new Promise<void>((resolve) => {
        wake = resolve
      })
      wake = undefined
    }
    while (queue.length > 0 && !closed) await send(queue.shift() as StoredEvent)
  } finally {
    clearInterval(keepalive)
    unsubscribe()
  }
}
