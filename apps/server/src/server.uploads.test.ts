import { describe, expect, it } from 'vitest'
import type { RunningServer } from './server/create-server.ts'
import { jsonOf, useServer } from './testing/server-harness.ts'

let server: RunningServer
useServer((_, running) => {
  server = running
})

describe('POST /api/uploads', () => {
  it('answers a multipart body it cannot parse with a 400 and a message', async () => {
    const response = await fetch(`${server.url}/api/uploads`, {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=----nothing-like-this' },
      body: 'this is not a multipart body at all',
    })
    expect(response.status).toBe(400)
    expect((await jsonOf(response)).error).toMatch(/multipart/)
  })
})
