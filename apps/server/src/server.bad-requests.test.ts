import { readdirSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { request } from 'node:http'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningServer } from './server/create-server.ts'
import { api, createServerHarness, jsonOf, type ServerHarness } from './testing/server-harness.ts'

const IMAGE = resolve(import.meta.dirname, '../../../examples/images/harbour.jpg')

let h: ServerHarness
let server: RunningServer
let png: Uint8Array

beforeAll(async () => {
  h = await createServerHarness()
  server = await h.start()
  png = await makePng()
}, 60_000)

afterAll(() => h?.close())

/** Workflows, runs and media files: what a refused request must leave as it was. */
async function counts() {
  const workflows = (await api(server.url, '/api/workflows')).body.workflows as { id: string }[]
  let runs = 0
  for (const w of workflows)
    runs += (await api(server.url, `/api/workflows/${w.id}/runs`)).body.runs.length
  const revisions = workflows.map((w) => (w as unknown as { revision: number }).revision)
  const media = readdirSync(join(h.home, 'media'), { recursive: true }).length
  return { workflows: workflows.length, runs, revisions, media }
}

/** A real 1×1 PNG. */
async function makePng(): Promise<Uint8Array> {
  return Uint8Array.from(
    Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
      'base64',
    ),
  )
}

/** A GET with a forged Host header (fetch will not send one), as a rebinding DNS name would. */
function getWithHost(path: string, host: string): Promise<{ status: number; body: string }> {
  return new Promise((ok, fail) => {
    const req = request(`${server.url}${path}`, { headers: { Host: host } }, (res) => {
      let body = ''
      res.on('data', (chunk: Buffer) => {
        body += chunk.toString()
      })
      res.on('end', () => ok({ status: res.statusCode ?? 0, body }))
    })
    req.on('error', fail)
    req.end()
  })
}

function upload(bytes: Uint8Array, name: string, headers: Record<string, string> = {}) {
  const form = new FormData()
  form.append('file', new Blob([bytes]), name)
  return fetch(`${server.url}/api/uploads`, { method: 'POST', body: form, headers })
}

describe('bad requests', () => {
  it('get a 4xx with a clear message, and leave the store as it was', async () => {
    const before = await counts()
    const starter = await api(server.url, '/api/workflows/three-shot-chain')

    const malformed = await api(server.url, '/api/workflows', { body: '{"nodes": [' })
    expect(malformed.status).toBe(400)
    expect(malformed.body.error).toMatch(/not valid JSON/)

    const invalidDoc = await api(server.url, '/api/workflows', { body: { nodes: 'no' } })
    expect(invalidDoc.status).toBe(422)
    expect(invalidDoc.body.issues.length).toBeGreaterThan(0)

    const badBody = await api(server.url, '/api/workflows/three-shot-chain/runs', {
      body: { budgetUsd: 'ten' },
    })
    expect(badBody.status).toBe(400)
    expect(badBody.body.issues).toEqual([
      expect.objectContaining({ path: 'budgetUsd', message: expect.any(String) }),
    ])

    const oversize = await fetch(`${server.url}/api/uploads`, {
      method: 'POST',
      body: new Uint8Array(11 * 1024 * 1024),
    })
    expect(oversize.status).toBe(413)
    expect((await jsonOf(oversize)).error).toMatch(/10 MB limit/)

    const textAsPng = await upload(new TextEncoder().encode('just some text\n'), 'photo.png')
    expect(textAsPng.status).toBe(415)
    expect((await jsonOf(textAsPng)).error).toMatch(/whatever the file name says/)

    const stale = await api(server.url, '/api/workflows/three-shot-chain', {
      method: 'PUT',
      body: { doc: starter.body.doc, revision: starter.body.revision - 1 },
    })
    expect(stale.status).toBe(409)
    expect(stale.body).toMatchObject({ revision: starter.body.revision })
    expect(stale.body.error).toMatch(/stale revision/)

    const outsideDoc = structuredClone(starter.body.doc)
    outsideDoc.nodes.find((n: { id: string }) => n.id === 'image').params.path = '/etc/passwd'
    const outside = await api(server.url, '/api/workflows', { body: outsideDoc })
    expect(outside.status).toBe(422)
    expect(outside.body.error).toMatch(
      /node image.*params\.path.*outside the server's media folder/,
    )

    const traversal = await fetch(`${server.url}/media/..%2F..%2Fetc%2Fpasswd`)
    expect(traversal.status).toBe(404)
    expect((await jsonOf(traversal)).error).toMatch(/no media/)

    const foreign = await api(server.url, '/api/workflows', {
      body: starter.body.doc,
      headers: { Origin: 'http://evil.example' },
    })
    expect(foreign.status).toBe(403)
    expect(foreign.body.error).toMatch(/evil\.example/)
    const foreignUpload = await upload(png, 'a.png', { Origin: 'http://evil.example' })
    expect(foreignUpload.status).toBe(403)

    const rebound = await getWithHost('/api/workflows', `attacker.example:${server.port}`)
    expect(rebound.status).toBe(403)
    expect(JSON.parse(rebound.body).error).toMatch(/Host header "attacker\.example/)

    const overBudget = await api(server.url, '/api/workflows/three-shot-chain/runs', {
      body: { budgetUsd: 0.01 },
    })
    expect(overBudget.status).toBe(409)
    expect(overBudget.body.error).toMatch(/over the budget/)

    const badTarget = await api(server.url, '/api/workflows/three-shot-chain/runs', {
      body: { targets: ['nope'] },
    })
    expect(badTarget.status).toBe(422)

    expect(await counts()).toEqual(before)
    expect(h.emulator.stats().totals.submits).toBe(0)
  })

  it('accepts an image by its bytes, whatever its name', async () => {
    const renamed = await upload(png, 'notes.txt')
    expect(renamed.status).toBe(201)
    expect(await jsonOf(renamed)).toMatchObject({
      contentType: 'image/png',
      width: 1,
      height: 1,
      sizeBytes: png.byteLength,
      url: expect.stringMatching(/^\/media\/[0-9a-f]{64}$/),
    })
    const jpeg = await readFile(IMAGE)
    const raw = await fetch(`${server.url}/api/uploads`, {
      method: 'POST',
      body: jpeg,
      headers: { 'content-type': 'text/plain' },
    })
    const body = await jsonOf(raw)
    expect(body.contentType).toBe('image/jpeg')
    const served = await fetch(`${server.url}${body.url}`)
    expect(served.headers.get('content-type')).toBe('image/jpeg')
    expect(Buffer.from(await served.arrayBuffer()).equals(jpeg)).toBe(true)
  })

  it('serves a page at / that says the editor is not built yet', async () => {
    const page = await fetch(`${server.url}/`)
    expect(page.status).toBe(200)
    expect(await page.text()).toMatch(/not built yet[\s\S]*\/api\/status/)
  })
})
