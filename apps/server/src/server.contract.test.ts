import { createServer as createHttpServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningServer } from './server/create-server.ts'
import { api, createShortWorkflow, jsonOf, useServer } from './testing/server-harness.ts'

// Every test of this suite checks the server's answers against the API contract through `api`
// and `jsonOf`; this file covers the routes no other test calls, and proves the check can fail.

let server: RunningServer

useServer((_harness, running) => {
  server = running
})

describe('the API contract', () => {
  it('holds for deleting a workflow (204, no body) and for deleting one that is gone', async () => {
    const id = await createShortWorkflow(server.url)
    const deleted = await api(server.url, `/api/workflows/${id}`, { method: 'DELETE' })
    expect(deleted).toMatchObject({ status: 204, body: undefined })
    const again = await api(server.url, `/api/workflows/${id}`, { method: 'DELETE' })
    expect(again.status).toBe(404)
    expect(again.body.error).toMatch(/no workflow/)
  })

  describe('checked by the test harness', () => {
    let liar: Server
    let base: string
    beforeAll(async () => {
      // A server that answers outside the contract: a status whose count is not a number, a
      // workflow with a field the contract does not declare, a refusal without an error body.
      liar = createHttpServer((request, response) => {
        const answers: Record<string, [number, string]> = {
          '/api/status': [200, JSON.stringify({ fal: 'fal', workflows: 'two', home: '~' })],
          '/api/workflows': [200, JSON.stringify({ workflows: [], secret: '/home/ann' })],
          '/api/runs/x': [404, 'not found'],
          '/api/uploads': [201, JSON.stringify({ hash: 'ab' })],
        }
        const [status, body] = answers[request.url ?? ''] ?? [200, '{}']
        response.writeHead(status, { 'content-type': 'application/json' }).end(body)
      })
      await new Promise<void>((ok) => liar.listen(0, '127.0.0.1', ok))
      base = `http://127.0.0.1:${(liar.address() as AddressInfo).port}`
    })
    afterAll(() => new Promise<void>((ok) => liar.close(() => ok())))

    it('fails a test on an answer the contract refuses, naming the route and the field', async () => {
      await expect(api(base, '/api/status')).rejects.toThrow(
        /^GET \/api\/status answered 200 .*: workflows: /,
      )
      await expect(api(base, '/api/workflows')).rejects.toThrow(/does not declare: secret/)
      await expect(api(base, '/api/runs/x')).rejects.toThrow(/404 without an error body/)
      await expect(api(base, '/api/nowhere')).rejects.toThrow(/the API contract has no such route/)
      const upload = await fetch(`${base}/api/uploads`, { method: 'POST', body: 'x' })
      await expect(jsonOf(upload)).rejects.toThrow(
        /POST \/api\/uploads answered 201 with a body the API contract does not allow: \(body\)/,
      )
    })
  })
})
