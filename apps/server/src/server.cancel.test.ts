import { describe, expect, it } from 'vitest'
import type { RunningServer } from './server/create-server.ts'
import {
  api,
  createShortWorkflow,
  KLING,
  type ServerHarness,
  useServer,
} from './testing/server-harness.ts'
import { readSse } from './testing/sse-client.ts'

let h: ServerHarness
let server: RunningServer

useServer((harness, running) => {
  h = harness
  server = running
})

interface RunEventJson {
  readonly type: string
  readonly nodeId?: string
  readonly requestId?: string
  readonly resumeRequestId?: string
  readonly status?: string
  readonly progress?: { readonly logs?: readonly string[] }
}

/** Starts a run of `workflowId`; `until` ends the reading early (else: the run's end). */
async function startRun(workflowId: string, until?: (event: RunEventJson) => boolean) {
  const started = await api(server.url, `/api/workflows/${workflowId}/runs`, { body: {} })
  expect(started.status).toBe(201)
  const runId: string = started.body.runId
  const messages = await readSse(`${server.url}/api/runs/${runId}/events`, {
    ...(until === undefined ? {} : { stopWhen: (m) => until(JSON.parse(m.data)) }),
  })
  return { runId, events: messages.map((m) => JSON.parse(m.data) as RunEventJson) }
}

const submitsOf = (events: readonly RunEventJson[], nodeId: string) =>
  events.filter((e) => e.type === 'node-submitted' && e.nodeId === nodeId)

describe('a run cancelled during shot 1, then run again', () => {
  it('submits shot 1 once more in place of the job fal cancelled, and finishes', async () => {
    const workflowId = await createShortWorkflow(server.url)
    // A cancel that stops the job at fal (by default a running job goes on to finish, and bill).
    h.emulator.configure({ runLatencyMs: 4_000, immediateCancel: true })
    const cancelledBefore = h.emulator.stats().totals.cancelled
    const first = await startRun(workflowId, (e) => e.type === 'node-submitted')
    const [shot1] = submitsOf(first.events, 'shot1')
    expect(shot1?.requestId).toEqual(expect.any(String))
    const cancel = await api(server.url, `/api/runs/${first.runId}/cancel`, { body: {} })
    expect(cancel.status).toBe(202)
    const rest = await readSse(`${server.url}/api/runs/${first.runId}/events?after=0`)
    expect(JSON.parse(rest.at(-1)?.data ?? '{}')).toMatchObject({
      type: 'run-finished',
      status: 'cancelled',
    })
    expect(h.emulator.stats().totals.cancelled).toBe(cancelledBefore + 1)

    h.emulator.configure({ runLatencyMs: 150, immediateCancel: false })
    const submitsBefore = h.emulator.stats().submits[KLING] ?? 0
    const second = await startRun(workflowId)
    expect(second.events.at(-1)).toMatchObject({ type: 'run-finished', status: 'succeeded' })
    // Shot 1 tried the cancelled job first (it might have finished at fal), then paid once more.
    expect(second.events).toContainEqual(
      expect.objectContaining({
        type: 'node-started',
        nodeId: 'shot1',
        resumeRequestId: shot1?.requestId,
      }),
    )
    const [again] = submitsOf(second.events, 'shot1')
    expect(again?.requestId).not.toBe(shot1?.requestId)
    const logs = second.events.flatMap((e) =>
      e.nodeId === 'shot1' ? (e.progress?.logs ?? []) : [],
    )
    expect(logs).toContain(
      `fal reports request ${shot1?.requestId} cancelled: submitted again as ${again?.requestId}`,
    )
    // One submit per shot: one more for shot 1 than before this run, none twice.
    for (const nodeId of ['shot1', 'shot2', 'shot3']) {
      expect(submitsOf(second.events, nodeId)).toHaveLength(1)
    }
    expect(h.emulator.stats().submits[KLING]).toBe(submitsBefore + 3)

    const run = await api(server.url, `/api/runs/${second.runId}`)
    expect(run.body.status).toBe('succeeded')
    expect(run.body.outputs).toHaveLength(1)
  }, 60_000)
})
