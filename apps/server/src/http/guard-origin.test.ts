import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { guardOrigin } from './guard-origin.ts'

describe('guardOrigin behind a TLS proxy (a public name from SHOTCHAIN_PUBLIC_URL)', () => {
  const app = new Hono()
  app.use(
    '*',
    guardOrigin(() => ['127.0.0.1:5173', 'shotchain.example.com']),
  )
  app.post('/api/x', (c) => c.json({ ok: true }))
  const post = (origin: string) =>
    app.request('http://proxy/api/x', {
      method: 'POST',
      headers: { host: 'shotchain.example.com', origin },
    })

  it('takes a change from a page served under the public name over https, and no other', async () => {
    expect((await post('https://shotchain.example.com')).status).toBe(200)
    expect((await post('https://evil.example.com')).status).toBe(403)
    expect((await post('https://shotchain.example.com.evil.net')).status).toBe(403)
  })
})
