import { makePng } from '@shotchain/fal-emulator/testing'
import { describe, expect, it } from 'vitest'
import type { RunningServer } from './server/create-server.ts'
import {
  api,
  createShortWorkflow,
  KLING,
  type ServerHarness,
  useServer,
  type WorkflowJson,
} from './testing/server-harness.ts'
import { readSse } from './testing/sse-client.ts'

let h: ServerHarness
let server: RunningServer

useServer((harness, running) => {
  h = harness
  server = running
})

/** Uploads a `width`×`height` PNG; resolves with the path an image node takes. */
async function uploadPng(width: number, height: number): Promise<string> {
  const response = await fetch(`${server.url}/api/uploads`, {
    method: 'POST',
    body: makePng(width, height),
  })
  if (response.status !== 201) throw new Error(`upload: ${await response.text()}`)
  return ((await response.json()) as { path: string }).path
}

const setImage = (path: string) => (doc: WorkflowJson) => {
  const image = doc.nodes.find((n) => n.id === 'image')
  if (image) image.params.path = path
}

describe('a start image Kling would refuse', () => {
  it('refuses the estimate and the run on the image node, before any submit', async () => {
    const small = await uploadPng(200, 200)
    const workflowId = await createShortWorkflow(server.url, setImage(small))
    const atFault = expect.objectContaining({
      code: 'node-check',
      nodeId: 'image',
      field: 'path',
      path: 'nodes[0].params.path',
      message:
        'the image is 200×200 px; fal needs both sides at least 300 px — Kling O1 image to video (node shot1) would refuse it',
    })

    const estimate = await api(server.url, `/api/workflows/${workflowId}/estimate`, { body: {} })
    expect(estimate.status).toBe(422)
    expect(estimate.body.issues).toEqual([atFault])
    expect(estimate.body.error).toMatch(
      /node image, nodes\[0\]\.params\.path: the image is 200×200/,
    )

    const started = await api(server.url, `/api/workflows/${workflowId}/runs`, { body: {} })
    expect(started.status).toBe(422)
    expect(started.body.issues).toEqual([atFault])
    expect((await api(server.url, `/api/workflows/${workflowId}/runs`)).body.runs).toEqual([])

    // The same image in an unsaved edit of a good workflow is refused the same way.
    const good = await api(server.url, `/api/workflows/${await createShortWorkflow(server.url)}`)
    const edited = structuredClone(good.body.doc)
    setImage(small)(edited)
    const unsaved = await api(server.url, `/api/workflows/${good.body.id}/estimate`, {
      body: { doc: edited },
    })
    expect(unsaved.status).toBe(422)
    expect(unsaved.body.issues).toEqual([atFault])

    expect(h.emulator.stats().totals.submits).toBe(0)
  })
})

describe('an estimate of an unsaved edit', () => {
  it('plans the edited document against the cache, and stores nothing', async () => {
    const workflowId = await createShortWorkflow(server.url)
    const started = await api(server.url, `/api/workflows/${workflowId}/runs`, { body: {} })
    expect(started.status).toBe(201)
    const events = await readSse(`${server.url}/api/runs/${started.body.runId}/events`)
    expect(JSON.parse(events.at(-1)?.data ?? '{}')).toMatchObject({ status: 'succeeded' })
    const submits = h.emulator.stats().submits[KLING]

    const saved = await api(server.url, `/api/workflows/${workflowId}`)
    const edited = structuredClone(saved.body.doc)
    edited.nodes.find((n: { id: string }) => n.id === 'prompt2').params.text = '@Image1: at night'
    const estimate = await api(server.url, `/api/workflows/${workflowId}/estimate`, {
      body: { doc: edited },
    })
    expect(estimate.status).toBe(200)
    expect(estimate.body.toRun).toEqual(expect.arrayContaining(['shot2', 'shot3']))
    expect(estimate.body.toRun).not.toContain('shot1')
    expect(estimate.body.cached).toContain('shot1')
    expect(estimate.body.estimate).toMatchObject({ run: estimate.body.toRun.length })
    expect(estimate.body.estimate.usd).toBeGreaterThan(0)

    // The saved workflow, and what estimating it says, are as before the unsaved estimate.
    expect(await api(server.url, `/api/workflows/${workflowId}`)).toMatchObject({
      body: saved.body,
    })
    const again = await api(server.url, `/api/workflows/${workflowId}/estimate`, { body: {} })
    expect(again.body.toRun).toEqual([])
    expect(again.body.estimate.usd).toBe(0)

    // Checked as a save would check it: the server's local path rule, then the parser.
    const outside = structuredClone(edited)
    outside.nodes.find((n: { id: string }) => n.id === 'image').params.path = '/etc/passwd'
    const refused = await api(server.url, `/api/workflows/${workflowId}/estimate`, {
      body: { doc: outside },
    })
    expect(refused.status).toBe(422)
    expect(refused.body.error).toMatch(
      /node image.*params\.path.*outside the server's media folder/,
    )
    const broken = await api(server.url, `/api/workflows/${workflowId}/estimate`, {
      body: { doc: { nodes: 'no' } },
    })
    expect(broken.status).toBe(422)
    expect(broken.body.issues.length).toBeGreaterThan(0)

    expect(h.emulator.stats().submits[KLING]).toBe(submits)
  }, 60_000)
})

describe('an estimate towards selected nodes (Run to selected)', () => {
  it('prices only those nodes and what they need, with the cache, and the run pays that', async () => {
    // A prompt no other test runs: nothing of this chain is in the cache yet.
    const workflowId = await createShortWorkflow(server.url, (doc) => {
      const prompt = doc.nodes.find((n) => n.id === 'prompt1')
      if (prompt) prompt.params.text = '@Image1: towards the selected shot'
    })
    const towards = (targets: string[]) =>
      api(server.url, `/api/workflows/${workflowId}/estimate`, { body: { targets } })
    const whole = await towards([])
    const first = await towards(['shot2'])
    expect(first.status).toBe(200)
    expect(first.body.toRun).toEqual(expect.arrayContaining(['shot1', 'shot2']))
    expect(first.body.toRun).not.toContain('shot3')
    expect(first.body.toRun).not.toContain('sequence')
    expect(first.body.estimate.usd).toBeGreaterThan(0)
    expect(first.body.estimate.usd).toBeLessThan(whole.body.estimate.usd)

    const started = await api(server.url, `/api/workflows/${workflowId}/runs`, {
      body: { targets: ['shot2'] },
    })
    expect(started.status).toBe(201)
    const events = await readSse(`${server.url}/api/runs/${started.body.runId}/events`)
    const finished = JSON.parse(events.at(-1)?.data ?? '{}')
    expect(finished).toMatchObject({ type: 'run-finished', status: 'succeeded' })
    expect(finished.spentUsd).toBeCloseTo(first.body.estimate.usd, 6)

    // What that run made is cached now: towards shot3, only shot3 is to pay for.
    const next = await towards(['shot3'])
    expect(next.body.cached).toEqual(expect.arrayContaining(['shot1', 'shot2']))
    expect(next.body.toRun).toContain('shot3')
    expect(next.body.toRun).not.toContain('shot1')
    expect(next.body.estimate.usd).toBeCloseTo(first.body.estimate.usd / 2, 6)
    // Two shots rendered by the emulator's ffmpeg: seconds, more on a busy machine.
  }, 60_000)
})

describe('an estimate of a workflow never saved', () => {
  it('plans a new document as it stands, checked as a save would check it, storing nothing', async () => {
    const saved = await api(server.url, `/api/workflows/${await createShortWorkflow(server.url)}`)
    const listed = await api(server.url, '/api/workflows')
    const doc = structuredClone(saved.body.doc)
    doc.nodes.find((n: { id: string }) => n.id === 'prompt1').params.text = '@Image1: a new idea'
    const draft = await api(server.url, '/api/estimate', { body: { doc } })
    expect(draft.status).toBe(200)
    expect(draft.body.toRun).toEqual(expect.arrayContaining(['shot1', 'shot2']))
    expect(draft.body.estimate.usd).toBeGreaterThan(0)
    const onlyShot1 = await api(server.url, '/api/estimate', { body: { doc, targets: ['shot1'] } })
    expect(onlyShot1.body.toRun).toEqual(['prompt1', 'shot1'])
    expect(onlyShot1.body.estimate.usd).toBeLessThan(draft.body.estimate.usd)

    const outside = structuredClone(doc)
    outside.nodes.find((n: { id: string }) => n.id === 'image').params.path = '/etc/passwd'
    const refused = await api(server.url, '/api/estimate', { body: { doc: outside } })
    expect(refused.status).toBe(422)
    expect(refused.body.error).toMatch(/node image.*outside the server's media folder/)
    const missing = await api(server.url, '/api/estimate', { body: {} })
    expect(missing.status).toBe(400)
    expect(missing.body.error).toMatch(/doc/)

    expect(await api(server.url, '/api/workflows')).toMatchObject({ body: listed.body })
  }, 60_000)
})
