import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest'
import {
  api,
  createServerHarness,
  createShortWorkflow,
  KLING,
  type ServerHarness,
} from './testing/server-harness.ts'
import { readSse, type SseMessage } from './testing/sse-client.ts'

let h: ServerHarness

beforeAll(async () => {
  h = await createServerHarness()
}, 60_000)

afterAll(() => h?.close())

const submitted = (nodeId: string) => (m: SseMessage) => {
  const event = JSON.parse(m.data)
  return event.type === 'node-submitted' && event.nodeId === nodeId
}

describe('a server killed (SIGKILL) during shot 2', () => {
  it('finishes the run on restart without paying twice, and replays its events without gaps', async () => {
    const first = await h.spawn()
    const workflowId = await createShortWorkflow(first.url)
    h.emulator.configure({ runLatencyMs: 4_000 })
    const started = await api(first.url, `/api/workflows/${workflowId}/runs`, { body: {} })
    expect(started.status).toBe(201)
    const runId: string = started.body.runId
    const before = await readSse(`${first.url}/api/runs/${runId}/events`, {
      stopWhen: submitted('shot2'),
    })
    await first.kill()
    expect(h.emulator.stats().submits[KLING]).toBe(2)

    h.emulator.configure({ runLatencyMs: 150 })
    const second = await h.spawn()
    const lastId = before.at(-1)?.id as string
    const after = await readSse(`${second.url}/api/runs/${runId}/events`, { lastEventId: lastId })
    const ids = [...before, ...after].map((m) => Number(m.id))
    expect(ids).toEqual(ids.map((_, i) => i + 1))
    const events = after.map((m) => JSON.parse(m.data))
    expect(events.at(-1)).toMatchObject({ type: 'run-finished', status: 'succeeded' })
    // shot1 from the cache, shot2 re-attached to the job it paid for, shot3 new.
    expect(events).toContainEqual(expect.objectContaining({ type: 'node-cached', nodeId: 'shot1' }))
    expect(events).toContainEqual(
      expect.objectContaining({
        type: 'node-started',
        nodeId: 'shot2',
        resumeRequestId: expect.any(String),
      }),
    )
    expect(h.emulator.stats().submits[KLING]).toBe(3)

    const run = await api(second.url, `/api/runs/${runId}`)
    expect(run.body.status).toBe('succeeded')
    expect(run.body.outputs).toHaveLength(1)
    // What fal billed over both executions, not only what the second one paid.
    const billed = h.emulator.stats().totals.billedSeconds * 0.084
    expect(run.body.spentUsd).toBeCloseTo(billed, 6)
    expect(billed).toBeGreaterThan(0)

    // A full replay from the start gives the same stream, in order, once.
    const replay = await readSse(`${second.url}/api/runs/${runId}/events?after=0`)
    expect(replay.map((m) => m.data)).toEqual([...before, ...after].map((m) => m.data))
    await second.kill()
  }, 120_000)
})

describe('a submit that may have reached fal without its request id', () => {
  it('waits for a decision, and the resubmit route resumes the run', async () => {
    const server = await h.start()
    // One server per home at a time: the next test starts its own.
    onTestFinished(() => server.close())
    const workflowId = await createShortWorkflow(server.url, (doc) => {
      const prompt = doc.nodes.find((n) => n.id === 'prompt1')
      if (prompt) prompt.params.text = '@Image1: a first shot whose submit answer is lost'
    })
    h.emulator.configure({ faultScript: [{ route: 'submit', fault: 'dropAfter' }] })
    const submitsBefore = h.emulator.stats().submits[KLING] ?? 0
    const started = await api(server.url, `/api/workflows/${workflowId}/runs`, { body: {} })
    const runId: string = started.body.runId
    const first = await readSse(`${server.url}/api/runs/${runId}/events`)
    expect(JSON.parse(first.at(-1)?.data ?? '{}')).toMatchObject({ type: 'run-finished' })

    const waiting = await api(server.url, `/api/runs/${runId}`)
    expect(waiting.body.status).toBe('needs-decision')
    expect(waiting.body.needsDecision).toEqual(['shot1'])
    expect(waiting.body.nodes).toContainEqual(
      expect.objectContaining({
        nodeId: 'shot1',
        status: 'failed',
        error: expect.objectContaining({ code: 'ambiguous-submit' }),
      }),
    )

    const unknown = await api(server.url, `/api/runs/${runId}/resubmit`, {
      body: { nodeIds: ['nope'] },
    })
    expect(unknown.status).toBe(422)
    expect(unknown.body.error).toContain('"nope"')

    const decided = await api(server.url, `/api/runs/${runId}/resubmit`, {
      body: { nodeIds: ['shot1'] },
    })
    expect(decided.status).toBe(202)
    const rest = await readSse(`${server.url}/api/runs/${runId}/events`, {
      lastEventId: first.at(-1)?.id as string,
    })
    expect(JSON.parse(rest.at(-1)?.data ?? '{}')).toMatchObject({
      type: 'run-finished',
      status: 'succeeded',
    })
    const ids = [...first, ...rest].map((m) => Number(m.id))
    expect(ids).toEqual(ids.map((_, i) => i + 1))
    const done = await api(server.url, `/api/runs/${runId}`)
    expect(done.body.status).toBe('succeeded')
    expect(done.body.needsDecision).toEqual([])
    // The lost submit, then the one the person chose, then shots 2 and 3.
    expect(h.emulator.stats().submits[KLING]).toBe(submitsBefore + 4)
  }, 60_000)

  it('lets a person cancel a run that waits for a decision, without resubmitting', async () => {
    const server = await h.start()
    // One server per home at a time: the next test starts its own.
    onTestFinished(() => server.close())
    const workflowId = await createShortWorkflow(server.url, (doc) => {
      const prompt = doc.nodes.find((n) => n.id === 'prompt1')
      if (prompt) prompt.params.text = '@Image1: another first shot whose submit answer is lost'
    })
    h.emulator.configure({ faultScript: [{ route: 'submit', fault: 'dropAfter' }] })
    const started = await api(server.url, `/api/workflows/${workflowId}/runs`, { body: {} })
    const runId: string = started.body.runId
    await readSse(`${server.url}/api/runs/${runId}/events`)
    const submitsBefore = h.emulator.stats().submits[KLING] ?? 0
    const cancel = await api(server.url, `/api/runs/${runId}/cancel`, { body: {} })
    expect(cancel.status).toBe(202)
    const after = await api(server.url, `/api/runs/${runId}`)
    expect(after.body.status).toBe('cancelled')
    expect(h.emulator.stats().submits[KLING]).toBe(submitsBefore)
  }, 60_000)
})
