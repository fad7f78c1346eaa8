import { makePng } from '@shotchain/fal-emulator/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningServer } from './server/create-server.ts'
import {
  api,
  createServerHarness,
  createShortWorkflow,
  type ServerHarness,
  type WorkflowJson,
} from './testing/server-harness.ts'

let h: ServerHarness
let server: RunningServer

beforeAll(async () => {
  h = await createServerHarness()
  server = await h.start()
}, 60_000)

afterAll(() => h?.close())

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
        'the image is 200×200 px; fal needs both sides at least 300 px — Kling (node shot1) would refuse it',
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

    expect(h.emulator.stats().totals.submits).toBe(0)
  })
})
