import { createHash } from 'node:crypto'
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

describe('a run of the three-shot example over the API', () => {
  it('says which fal it uses on every response, and seeds the starter workflow', async () => {
    const status = await api(server.url, '/api/status')
    expect(status.body.fal).toBe('offline emulator')
    expect(status.headers.get('x-shotchain-fal')).toBe('offline-emulator')
    const list = await api(server.url, '/api/workflows')
    expect(list.headers.get('x-shotchain-fal')).toBe('offline-emulator')
    expect(list.body.workflows.map((w: { id: string }) => w.id)).toContain('three-shot-chain')
  })

  it('is followed through SSE to run-finished, and its video downloads by range', async () => {
    const workflowId = await createShortWorkflow(server.url)
    const estimate = await api(server.url, `/api/workflows/${workflowId}/estimate`, { body: {} })
    expect(estimate.status).toBe(200)
    expect(estimate.body.toRun).toEqual(expect.arrayContaining(['shot1', 'shot2', 'shot3']))
    expect(estimate.body.estimate.usd).toBeGreaterThan(0)

    const submitsBefore = h.emulator.stats().submits[KLING] ?? 0
    const started = await api(server.url, `/api/workflows/${workflowId}/runs`, { body: {} })
    expect(started.status).toBe(201)
    const runId: string = started.body.runId

    // An edit saved mid-run does not reach the run: its document was frozen at start.
    const saved = await api(server.url, `/api/workflows/${workflowId}`)
    const edited = structuredClone(saved.body.doc)
    edited.nodes.find((n: { id: string }) => n.id === 'prompt2').params.text = '@Image1: changed'
    const put = await api(server.url, `/api/workflows/${workflowId}`, {
      method: 'PUT',
      body: { doc: edited, revision: saved.body.revision },
    })
    expect(put.status).toBe(200)

    const messages = await readSse(`${server.url}/api/runs/${runId}/events`)
    const events = messages.map((m) => JSON.parse(m.data))
    expect(messages.map((m) => Number(m.id))).toEqual(events.map((_, i) => i + 1))
    expect(events[0].type).toBe('run-started')
    expect(events.at(-1)).toMatchObject({ type: 'run-finished', status: 'succeeded' })
    expect(events.every((e) => e.runId === runId)).toBe(true)
    expect(h.emulator.stats().submits[KLING]).toBe(submitsBefore + 3)

    const run = await api(server.url, `/api/runs/${runId}`)
    expect(run.body.status).toBe('succeeded')
    expect(run.body.doc.nodes.find((n: { id: string }) => n.id === 'prompt2').params.text).not.toBe(
      '@Image1: changed',
    )
    expect(run.body.nodes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ nodeId: 'shot2', status: 'succeeded' }),
        expect.objectContaining({ nodeId: 'out', status: 'succeeded' }),
      ]),
    )
    const [output] = run.body.outputs
    expect(output.media.contentType).toBe('video/mp4')

    const whole = new Uint8Array(await (await fetch(`${server.url}${output.url}`)).arrayBuffer())
    expect(whole.byteLength).toBe(output.media.sizeBytes)
    const ranged = await fetch(`${server.url}${output.url}`, {
      headers: { Range: 'bytes=100-1123' },
    })
    expect(ranged.status).toBe(206)
    expect(ranged.headers.get('content-range')).toBe(`bytes 100-1123/${whole.byteLength}`)
    expect(ranged.headers.get('accept-ranges')).toBe('bytes')
    expect(new Uint8Array(await ranged.arrayBuffer())).toEqual(whole.subarray(100, 1124))
    const past = await fetch(`${server.url}${output.url}`, {
      headers: { Range: `bytes=${whole.byteLength}-` },
    })
    expect(past.status).toBe(416)
    const head = await fetch(`${server.url}${output.url}`, { method: 'HEAD' })
    expect(head.headers.get('content-length')).toBe(String(whole.byteLength))

    // The file served is the one the run made, byte for byte.
    expect(createHash('sha256').update(whole).digest('hex')).toBe(output.media.hash)

    // The run list of the workflow has it, without its document.
    const runs = await api(server.url, `/api/workflows/${workflowId}/runs`)
    expect(runs.body.runs).toEqual([expect.objectContaining({ id: runId, status: 'succeeded' })])
    expect(runs.body.runs[0].doc).toBeUndefined()
  }, 60_000)
})
