import { request } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { KLING_O1_STANDARD_I2V } from '../endpoints/kling-image-to-video.ts'
import { type FalEmulator, startFalEmulator } from './start-fal-emulator.ts'

const KEY = 'per-process-secret'

/** A raw request with any Host header (fetch does not let a caller set it). */
function raw(
  url: string,
  method: string,
  headers: Record<string, string>,
  body = '',
): Promise<{ status: number; body: unknown; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8')
        resolve({
          status: res.statusCode ?? 0,
          body: text === '' ? undefined : JSON.parse(text),
          headers: res.headers,
        })
      })
    })
    req.on('error', reject)
    req.end(body)
  })
}

let open: FalEmulator
let keyed: FalEmulator

beforeAll(async () => {
  open = await startFalEmulator()
  keyed = await startFalEmulator({ apiKey: KEY })
})
afterAll(async () => {
  await open.stop()
  await keyed.stop()
})

const submitUrl = (e: FalEmulator) => `${e.url}/queue.fal.run/${KLING_O1_STANDARD_I2V}`

describe('who may talk to the emulator', () => {
  it('answers 401 in fal’s shape without Authorization: Key …, by default', async () => {
    const res = await raw(submitUrl(open), 'POST', {}, '{}')
    expect([res.status, res.body]).toEqual([401, { detail: 'Authorization header is required' }])
    const bearer = await raw(submitUrl(open), 'POST', { authorization: 'Bearer x' }, '{}')
    expect(bearer.status).toBe(401)
    expect(open.stats().totals.submits).toBe(0)
  })

  it('lets tests opt out of the key with requireAuth: false', async () => {
    open.configure({ requireAuth: false, queueLatencyMs: 60_000 })
    const res = await raw(submitUrl(open), 'POST', {}, '{}')
    expect(res.status).toBe(200)
    open.configure({ requireAuth: true })
  })

  it('with an apiKey, takes only that key, on fal routes and on its own control routes', async () => {
    const wrong = await raw(submitUrl(keyed), 'POST', { authorization: 'Key guessed' }, '{}')
    expect([wrong.status, wrong.body]).toEqual([
      401,
      { detail: 'No user found for Key ID and Secret' },
    ])
    const configure = await raw(
      `${keyed.url}/_emulator/configure`,
      'POST',
      { 'content-type': 'application/json' },
      JSON.stringify({ force422: 5 }),
    )
    expect(configure.status).toBe(401)
    expect(keyed.knobs().force422).toBe(0)
    const stats = await raw(`${keyed.url}/_emulator/stats`, 'GET', { authorization: `Key ${KEY}` })
    expect(stats.status).toBe(200)
    const right = await raw(submitUrl(keyed), 'POST', { authorization: `Key ${KEY}` }, '{}')
    expect(right.status).toBe(200)
  })

  it('refuses a Host that is not loopback (DNS rebinding), before anything runs', async () => {
    const port = new URL(open.url).port
    const rebound = await raw(
      `${open.url}/_emulator/configure`,
      'POST',
      { host: `attacker.example:${port}` },
      JSON.stringify({ concurrency: 9 }),
    )
    expect(rebound.status).toBe(403)
    expect(rebound.body).toMatchObject({ detail: expect.stringContaining('Host') })
    expect(open.knobs().concurrency).toBe(2)
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`]) {
      expect((await raw(`${open.url}/_emulator/knobs`, 'GET', { host })).status).toBe(200)
    }
  })

  it('refuses a web page’s Origin, and gives it no CORS headers', async () => {
    const page = { origin: 'https://evil.example', 'content-type': 'text/plain' }
    const post = await raw(
      `${open.url}/_emulator/configure`,
      'POST',
      page,
      JSON.stringify({ concurrency: 9 }),
    )
    expect(post.status).toBe(403)
    expect(post.headers['access-control-allow-origin']).toBeUndefined()
    expect(open.knobs().concurrency).toBe(2)
    const preflight = await raw(`${open.url}/proxy`, 'OPTIONS', { origin: 'https://evil.example' })
    expect(preflight.status).toBe(403)
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined()
    const nullOrigin = await raw(`${open.url}/_emulator/reset-stats`, 'POST', { origin: 'null' })
    expect(nullOrigin.status).toBe(403)
    const crossSite = await raw(`${open.url}/_emulator/reset-stats`, 'POST', {
      'sec-fetch-site': 'cross-site',
    })
    expect(crossSite.status).toBe(403)
  })

  it('lets a page served from loopback call it (browser demos of the standalone emulator)', async () => {
    const res = await raw(`${open.url}/proxy`, 'OPTIONS', { origin: 'http://localhost:5173' })
    expect(res.status).toBe(204)
    expect(res.headers['access-control-allow-origin']).toBe('http://localhost:5173')
  })

  it('refuses every Origin when allowedOrigins is empty (the embedded emulator has no page)', async () => {
    const closed = await startFalEmulator({ apiKey: KEY, allowedOrigins: [] })
    const res = await raw(`${closed.url}/_emulator/knobs`, 'GET', {
      origin: 'http://localhost:5173',
      authorization: `Key ${KEY}`,
    })
    expect(res.status).toBe(403)
    await closed.stop()
  })
})
