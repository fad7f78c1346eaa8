import { request } from 'node:http'
import { connect } from 'node:net'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { RunningServer } from './server/create-server.ts'
import { api, type ServerHarness, useServer } from './testing/server-harness.ts'

let h: ServerHarness
let server: RunningServer
useServer((harness, running) => {
  h = harness
  server = running
})

/** What the server answers to bytes sent as they are (fetch would fix the headers). */
function sendRaw(text: string): Promise<{ status: number; type: string; body: string }> {
  return new Promise((ok, fail) => {
    const socket = connect(server.port, '127.0.0.1', () => socket.write(text))
    let out = ''
    socket.on('data', (chunk: Buffer) => {
      out += chunk.toString('latin1')
    })
    socket.on('error', fail)
    socket.on('close', () => {
      const [head = '', ...rest] = out.split('\r\n\r\n')
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0)
      const type = /^content-type:\s*(.+)$/im.exec(head)?.[1]?.trim() ?? ''
      const chunked = /^transfer-encoding:\s*chunked/im.test(head)
      const raw = rest.join('\r\n\r\n')
      ok({ status, type, body: chunked ? dechunk(raw) : raw })
    })
  })
}

function dechunk(raw: string): string {
  let body = ''
  let rest = raw
  for (;;) {
    const end = rest.indexOf('\r\n')
    const size = Number.parseInt(rest.slice(0, end), 16)
    if (!(size > 0)) return body
    body += rest.slice(end + 2, end + 2 + size)
    rest = rest.slice(end + 2 + size + 2)
  }
}

/** A POST with the headers a browser would send, as node:http sends them. */
function post(
  path: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: string }> {
  return new Promise((ok, fail) => {
    const req = request(
      `${server.url}${path}`,
      { method: 'POST', headers: { 'content-type': 'application/json', ...headers } },
      (res) => {
        let body = ''
        res.on('data', (chunk: Buffer) => {
          body += chunk.toString()
        })
        res.on('end', () => ok({ status: res.statusCode ?? 0, body }))
      },
    )
    req.on('error', fail)
    req.end(JSON.stringify({ targets: [] }))
  })
}

describe('the request guard', () => {
  it('refuses a write from a cross-site or same-site page that sent no Origin', async () => {
    const before = (await api(server.url, '/api/workflows/three-shot-chain/runs')).body.runs.length
    for (const site of ['cross-site', 'same-site']) {
      const refused = await post('/api/workflows/three-shot-chain/estimate', {
        'sec-fetch-site': site,
      })
      expect(refused.status).toBe(403)
      expect(JSON.parse(refused.body).error).toMatch(new RegExp(`${site} page`))
    }
    const own = await post('/api/workflows/three-shot-chain/estimate', {
      'sec-fetch-site': 'same-origin',
    })
    expect(own.status).toBe(200)
    expect((await api(server.url, '/api/workflows/three-shot-chain/runs')).body.runs.length).toBe(
      before,
    )
  })

  it('answers odd Host headers and unparsable requests with a JSON 400', async () => {
    const port = server.port
    const requests = [
      'GET /api/status HTTP/1.1\r\nConnection: close\r\n\r\n',
      `GET /api/status HTTP/1.1\r\nHost: user@127.0.0.1:${port}\r\nConnection: close\r\n\r\n`,
      `GET /api/status HTTP/1.1\r\nHost: 127.0.0.1 :${port}\r\nConnection: close\r\n\r\n`,
      `GET /api/status HTTP/1.1\r\nHost: 127.0.0.1:${port}\x01\r\nConnection: close\r\n\r\n`,
    ]
    for (const text of requests) {
      const answer = await sendRaw(text)
      expect({ text, status: answer.status, type: answer.type }).toEqual({
        text,
        status: 400,
        type: 'application/json',
      })
      expect(JSON.parse(answer.body).error).toMatch(/^bad request: /)
    }
  })
})

describe('media responses', () => {
  it('say nosniff and same-origin, so other sites cannot load them', async () => {
    const starter = await api(server.url, '/api/workflows/three-shot-chain')
    const image = starter.body.doc.nodes.find((n: { type: string }) => n.type === 'image-source')
    const hash = /([0-9a-f]{64})/.exec(image.params.path)?.[1]
    const response = await fetch(`${server.url}/media/${hash}`)
    expect(response.status).toBe(200)
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(response.headers.get('cross-origin-resource-policy')).toBe('same-origin')
    await response.body?.cancel()
  })
})

describe('paths of this machine', () => {
  it('are not in /api/status nor in a 422 about a missing image', async () => {
    const status = await api(server.url, '/api/status')
    expect(JSON.stringify(status.body)).not.toContain(h.home)

    const starter = await api(server.url, '/api/workflows/three-shot-chain')
    const doc = structuredClone(starter.body.doc)
    const image = doc.nodes.find((n: { type: string }) => n.type === 'image-source')
    image.params.path = join(h.home, 'media', 'gone.png')
    const created = await api(server.url, '/api/workflows', { body: doc })
    expect(created.status).toBe(201)
    const refused = await api(server.url, `/api/workflows/${created.body.id}/estimate`, {
      body: {},
    })
    expect(refused.status).toBe(422)
    const text = JSON.stringify(refused.body)
    expect(text).toContain('gone.png')
    expect(text).not.toContain(h.home)
  })
})
