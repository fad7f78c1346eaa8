import { apiRoutes } from '@shotchain/api'
import { describe, expect, it } from 'vitest'
import { callApi, type Fetch } from './call-api.ts'

/** A fetch that answers every request with `status` and `body`, and records what it was sent. */
function answering(status: number, body: string) {
  const sent: { url: string; init?: RequestInit }[] = []
  const fetch: Fetch = async (url, init) => {
    sent.push({ url, ...(init ? { init } : {}) })
    return new Response(body === '' ? null : body, { status })
  }
  return { fetch, sent }
}

const summary = { id: 'w 1', name: 'W', revision: 2, createdAt: 1, updatedAt: 2 }
const doc = { format: 'shotchain.workflow', version: 1, name: 'W', nodes: [], edges: [] }

describe('callApi', () => {
  it('sends the route with its params and JSON body, and gives the parsed answer', async () => {
    const { fetch, sent } = answering(200, JSON.stringify({ ...summary, doc }))
    const saved = await callApi(apiRoutes.updateWorkflow, {
      fetch,
      base: 'http://s',
      params: { id: 'w 1' },
      body: { doc, revision: 1 },
    })
    expect(saved).toEqual({ ok: true, value: { ...summary, doc } })
    expect(sent[0]?.url).toBe('http://s/api/workflows/w%201')
    expect(sent[0]?.init).toMatchObject({
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ doc, revision: 1 }),
    })
  })

  it('says what breaks the contract when the server answers something else', async () => {
    const { fetch } = answering(200, JSON.stringify({ workflows: [{ id: 'w' }] }))
    const listed = await callApi(apiRoutes.listWorkflows, { fetch })
    expect(listed).toMatchObject({ ok: false, failure: { kind: 'unexpected', status: 200 } })
    if (!listed.ok && listed.failure.kind === 'unexpected') {
      expect(listed.failure.message).toMatch(
        /^the server's answer was not what this page expects \(GET \/api\/workflows answered 200 .*workflows\.0\.name: .*\): reload the page$/,
      )
    }
  })

  it("brings back the server's refusal, or a refusal without a body from a proxy", async () => {
    const stale = { error: 'stale revision', revision: 3 }
    const refused = await callApi(apiRoutes.updateWorkflow, {
      ...answering(409, JSON.stringify(stale)),
      params: { id: 'w' },
      body: { doc, revision: 1 },
    })
    expect(refused).toEqual({ ok: false, failure: { kind: 'refused', status: 409, body: stale } })
    const proxy = await callApi(apiRoutes.status, answering(500, ''))
    expect(proxy).toEqual({ ok: false, failure: { kind: 'refused', status: 500, body: undefined } })
  })

  it('sends a Blob as raw bytes with its type, and never rejects when nothing answers', async () => {
    const { fetch, sent } = answering(415, JSON.stringify({ error: 'not an image' }))
    await callApi(apiRoutes.upload, { fetch, body: new Blob(['x'], { type: 'image/png' }) })
    expect(sent[0]?.init?.headers).toEqual({ 'content-type': 'image/png' })
    expect(sent[0]?.init?.body).toBeInstanceOf(Blob)
    const gone: Fetch = () => Promise.reject(new TypeError('fetch failed'))
    expect(await callApi(apiRoutes.status, { fetch: gone })).toEqual({
      ok: false,
      failure: { kind: 'unreachable' },
    })
  })
})
