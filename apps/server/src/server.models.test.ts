import { createServer as createHttpServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { FETCHED_SCHEMA } from '@shotchain/nodes/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServer, type RunningServer } from './server/create-server.ts'
import { api, type ServerHarness, useServer } from './testing/server-harness.ts'

let h: ServerHarness
let offline: RunningServer

useServer((harness, running) => {
  h = harness
  offline = running
})

describe('GET /api/models offline', () => {
  it('lists the bundled catalog with the node each adds and its price', async () => {
    const { status, body } = await api(offline.url, '/api/models')
    expect(status).toBe(200)
    expect(body.canAddById).toBe(false)
    expect(body.addById).toMatch(/FAL_KEY/)
    expect(body.models).toHaveLength(9)
    expect(body.models).toContainEqual(
      expect.objectContaining({
        endpointId: 'fal-ai/kling-video/o1/image-to-video',
        node: { type: 'kling-o1-i2v', params: { tier: 'pro' } },
        priceUsd: 0.56,
        source: 'catalog',
      }),
    )
    expect(body.models).toContainEqual(
      expect.objectContaining({
        endpointId: 'fal-ai/flux/schnell',
        kind: 'text-to-image',
        node: { type: 'fal:fal-ai/flux/schnell', params: {} },
        priceUsd: 0.003,
      }),
    )
  })

  it('refuses to add a model by id without FAL_KEY, naming the field', async () => {
    const { status, body } = await api(offline.url, '/api/models', {
      body: { endpointId: FETCHED_SCHEMA.endpointId },
    })
    expect(status).toBe(422)
    expect(body).toEqual({ error: expect.stringMatching(/needs FAL_KEY/), field: 'endpointId' })
  })
})

describe('POST /api/models with FAL_KEY', () => {
  let schemas: Server
  let asked: string[]
  let schemaUrl: string

  beforeAll(async () => {
    asked = []
    schemas = createHttpServer((req, res) => {
      asked.push(`${req.headers.authorization} ${req.url}`)
      const id = new URL(req.url ?? '/', 'http://x').searchParams.get('endpoint_id')
      if (id !== FETCHED_SCHEMA.endpointId) {
        res.writeHead(404).end('{"detail":"Not Found"}')
        return
      }
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(JSON.stringify(FETCHED_SCHEMA.openapi))
    })
    await new Promise<void>((resolve) => schemas.listen(0, '127.0.0.1', resolve))
    schemaUrl = `http://127.0.0.1:${(schemas.address() as AddressInfo).port}/openapi.json`
  })
  afterAll(() => new Promise<void>((resolve) => schemas.close(() => resolve())))

  /** A server billed by fal (never asked to run here) whose schemas come from the local stand-in. */
  const keyed = () =>
    createServer({
      env: { ...h.env, FAL_KEY: 'test-key', SHOTCHAIN_FAL_SCHEMA_URL: schemaUrl },
      port: 0,
      log: () => {},
    })

  it('fetches the schema once, offers its node, and keeps it for the next start', async () => {
    // One server at a time on a home: the offline one steps aside.
    await offline.close()
    const server = await keyed()
    const added = await api(server.url, '/api/models', {
      body: { endpointId: FETCHED_SCHEMA.endpointId },
    })
    expect(added.status).toBe(201)
    expect(added.body).toMatchObject({
      endpointId: FETCHED_SCHEMA.endpointId,
      kind: 'image-to-video',
      priceUsd: null,
      node: { type: `fal:${FETCHED_SCHEMA.endpointId}` },
      source: 'fetched',
    })
    expect(asked).toEqual([`Key test-key /openapi.json?endpoint_id=acme%2Fmotion%2Fimage-to-video`])
    const missing = await api(server.url, '/api/models', { body: { endpointId: 'acme/none' } })
    expect(missing).toMatchObject({ status: 422, body: { error: /fal has no such endpoint/ } })
    await server.close()

    const again = await keyed()
    const listed = await api(again.url, '/api/models')
    expect(listed.body.canAddById).toBe(true)
    expect(listed.body.models.at(-1)).toMatchObject({
      endpointId: FETCHED_SCHEMA.endpointId,
      openapi: FETCHED_SCHEMA.openapi,
    })
    // Its node type is known to the server: a workflow using it saves and estimates as unknown.
    const doc = {
      format: 'shotchain.workflow',
      version: 1,
      name: 'fetched model',
      nodes: [
        { id: 'p', type: 'prompt', position: [0, 0], params: { text: 'go' } },
        { id: 'm', type: `fal:${FETCHED_SCHEMA.endpointId}`, position: [300, 0], params: {} },
      ],
      edges: [{ id: 'e', from: { node: 'p', port: 'text' }, to: { node: 'm', port: 'prompt' } }],
    }
    const created = await api(again.url, '/api/workflows', { body: doc })
    expect(created.status).toBe(201)
    expect(asked).toHaveLength(2)
    await again.close()
  })
})
