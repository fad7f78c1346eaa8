import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createServer, type RunningServer } from './server/create-server.ts'
import { api, jsonOf, type ServerHarness, useServer } from './testing/server-harness.ts'
import { DEFAULT_MAX_NODES } from './workflows/check-size.ts'

let h: ServerHarness
let server: RunningServer
useServer((harness, running) => {
  h = harness
  server = running
})

/** A workflow of `count` unconnected prompt nodes. */
function promptsWorkflow(count: number, edges: unknown[] = []) {
  return {
    format: 'shotchain.workflow',
    version: 1,
    name: `${count} prompts`,
    nodes: Array.from({ length: count }, (_, i) => ({
      id: `p${i}`,
      type: 'prompt',
      position: [i, 0],
      params: { text: 'x' },
    })),
    edges,
  }
}

async function workflowCount(base: string): Promise<number> {
  return (await api(base, '/api/workflows')).body.workflows.length
}

describe('the node cap', () => {
  it('refuses a workflow over the cap with a 422 naming it, before parsing, on every route that takes one', async () => {
    const before = await workflowCount(server.url)
    const large = promptsWorkflow(28_000)
    const created = await api(server.url, '/api/workflows', { body: large })
    expect(created.status).toBe(422)
    expect(created.body.error).toMatch(/28000 nodes.*at most 2000 nodes.*SHOTCHAIN_MAX_NODES/)
    expect(created.body.issues).toEqual([expect.objectContaining({ path: 'nodes' })])

    const starter = await api(server.url, '/api/workflows/three-shot-chain')
    const saved = await api(server.url, '/api/workflows/three-shot-chain', {
      method: 'PUT',
      body: { doc: large, revision: starter.body.revision },
    })
    expect(saved.status).toBe(422)
    expect(saved.body.error).toMatch(/at most 2000 nodes/)
    const estimate = await api(server.url, '/api/workflows/three-shot-chain/estimate', {
      body: { doc: large },
    })
    expect(estimate.status).toBe(422)

    const manyEdges = promptsWorkflow(
      2,
      Array.from({ length: 9_000 }, () => ({})),
    )
    const edges = await api(server.url, '/api/workflows', { body: manyEdges })
    expect(edges.status).toBe(422)
    expect(edges.body.error).toMatch(/9000 edges.*at most 8000 edges/)

    expect(await workflowCount(server.url)).toBe(before)
    expect((await api(server.url, '/api/workflows/three-shot-chain')).body.revision).toBe(
      starter.body.revision,
    )
  })

  it('takes a workflow of exactly the default cap', async () => {
    const created = await api(server.url, '/api/workflows', {
      body: promptsWorkflow(DEFAULT_MAX_NODES),
    })
    expect(created.status).toBe(201)
    expect(created.body.doc.nodes).toHaveLength(DEFAULT_MAX_NODES)
  }, 30_000)

  it('follows SHOTCHAIN_MAX_NODES, and a server refuses to start on a value that is no count', async () => {
    const home = await mkdtemp(join(tmpdir(), 'shotchain-server-cap-'))
    const env = { ...h.env, SHOTCHAIN_HOME: home }
    await expect(
      createServer({ env: { ...env, SHOTCHAIN_MAX_NODES: 'lots' }, log: () => {} }),
    ).rejects.toThrow(/SHOTCHAIN_MAX_NODES: "lots" is not a positive whole number/)
    const small = await createServer({ env: { ...env, SHOTCHAIN_MAX_NODES: '5' }, log: () => {} })
    try {
      const refused = await api(small.url, '/api/workflows', { body: promptsWorkflow(6) })
      expect(refused.status).toBe(422)
      expect(refused.body.error).toMatch(/6 nodes.*at most 5 nodes/)
      expect((await api(small.url, '/api/workflows', { body: promptsWorkflow(5) })).status).toBe(
        201,
      )
    } finally {
      await small.close()
    }
  })
})

describe('body size limits', () => {
  it('refuse a JSON body over 2 MB with a 413 before reading it', async () => {
    const response = await fetch(`${server.url}/api/workflows`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: `{"name":"${'x'.repeat(2 * 1024 * 1024 + 10)}"}`,
    })
    expect(response.status).toBe(413)
    expect((await jsonOf(response)).error).toMatch(/over the 2 MB limit/)
  })
})
