import { request } from 'node:http'
import { ApiError } from '@fal-ai/client'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { ROUTE_NAMES, type RouteName } from '../config/knobs.ts'
import { KLING_O1_STANDARD_I2V } from '../endpoints/kling-image-to-video.ts'
import { makePng } from '../testing/png.ts'
import { startTestEmulator, type TestEmulator } from '../testing/test-emulator.ts'
import { waitUntilIdle } from '../testing/wait-until-idle.ts'

const KLING = KLING_O1_STANDARD_I2V
let t: TestEmulator
let startUrl: string
let doneId: string

const input = () => ({ prompt: '@Image1', start_image_url: startUrl, duration: '3' as const })

interface RawResponse {
  status: number
  body: string
}

/**
 * One request on a fresh connection (no keep-alive), so neither a client retry nor undici's
 * replay of idempotent requests on a reused socket hides what the emulator did.
 */
function raw(method: string, url: string, body?: Uint8Array | string): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method,
        agent: false,
        headers: { 'content-type': 'application/json', authorization: 'Key test-key' },
      },
      (res) => {
        let text = ''
        res.on('data', (c: Buffer) => (text += c.toString()))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }))
        res.on('error', reject)
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}

/** A request to one route, raw. */
function hit(route: RouteName): Promise<RawResponse> {
  const q = `${t.emulator.url}/queue.fal.run/fal-ai/kling-video/requests/${doneId}`
  switch (route) {
    case 'submit':
      return raw('POST', `${t.emulator.url}/queue.fal.run/${KLING}`, JSON.stringify(input()))
    case 'status':
      return raw('GET', `${q}/status`)
    case 'stream':
      return raw('GET', `${q}/status/stream`)
    case 'result':
      return raw('GET', q)
    case 'cancel':
      return raw('PUT', `${q}/cancel`)
    case 'upload-initiate':
      return raw('POST', `${t.emulator.url}/rest.fal.ai/storage/upload/initiate`, '{}')
    case 'upload-put':
      return raw(
        'PUT',
        `${t.emulator.url}/storage/upload/${new URL(startUrl).pathname.split('/')[2]}`,
        makePng(320, 320),
      )
    case 'cdn':
      return raw('GET', startUrl)
  }
}

beforeAll(async () => {
  t = await startTestEmulator()
  startUrl = await t.upload(makePng(320, 320), 'image/png')
  const { request_id } = await t.viaFetch.queue.submit(KLING, { input: input() })
  await t.viaFetch.queue.subscribeToStatus(KLING, { requestId: request_id, pollInterval: 10 })
  doneId = request_id
})
afterAll(() => t.emulator.stop())
beforeEach(async () => {
  await waitUntilIdle(t.emulator)
  t.emulator.configure({ failures: {}, faultScript: [], seed: 1 })
  t.emulator.resetStats()
})

const ROUTES = ROUTE_NAMES

describe('fault knobs', () => {
  it.each(ROUTES)('%s answers each injected status with a fal error body', async (route) => {
    for (const status of [429, 500, 502, 503, 504] as const) {
      t.emulator.configure({ faultScript: [{ route, fault: status }] })
      const res = await hit(route)
      expect(res.status).toBe(status)
      expect(JSON.parse(res.body)).toMatchObject({ detail: expect.any(String) })
    }
    expect(t.emulator.stats().faults[route]).toBe(5)
  })

  it.each(ROUTES)('%s drops the connection without an answer', async (route) => {
    t.emulator.configure({ faultScript: [{ route, fault: 'dropBefore' }] })
    await expect(hit(route)).rejects.toThrow(/socket hang up/)
    expect((await hit(route)).status).toBeLessThan(500)
  })

  it('a submit dropped after the job was created leaves a paid job the caller never heard of', async () => {
    t.emulator.configure({ faultScript: [{ route: 'submit', fault: 'dropAfter' }] })
    await expect(hit('submit')).rejects.toThrow(/socket hang up/)
    expect(t.emulator.stats().submits).toEqual({ [KLING]: 1 })
    // The same drop before handling creates nothing.
    t.emulator.configure({ faultScript: [{ route: 'submit', fault: 'dropBefore' }] })
    await expect(hit('submit')).rejects.toThrow(/socket hang up/)
    expect(t.emulator.stats().submits).toEqual({ [KLING]: 1 })
  })

  it("the client's own retries turn an ambiguous submit into two jobs (why the gateway must not retry)", async () => {
    t.emulator.configure({ faultScript: [{ route: 'submit', fault: 'dropAfter' }] })
    await t.viaFetch.queue.submit(KLING, { input: input() })
    expect(t.emulator.stats().submits).toEqual({ [KLING]: 2 })
    // Both run and are billed; wait for them so later tests start from quiet stats. Each renders
    // a clip with ffmpeg: seconds, not the poll's default second, on a busy machine.
    await expect.poll(() => t.emulator.stats().totals.completed, { timeout: 30_000 }).toBe(2)
    expect(t.emulator.stats().billedSeconds).toEqual({ [KLING]: 6 })
  })

  it("the client's status retries recover from 30% failing polls; one submit, billed once", async () => {
    t.emulator.configure({ seed: 3, failures: { status: { 500: 0.1, 503: 0.1, dropBefore: 0.1 } } })
    const result = await t.viaFetch.subscribe(KLING, { input: input(), pollInterval: 10 })
    expect(result.data).toMatchObject({ video: { content_type: 'video/mp4' } })
    const stats = t.emulator.stats()
    expect(stats.faults.status).toBeGreaterThan(0)
    expect(stats.submits).toEqual({ [KLING]: 1 })
    expect(stats.billedSeconds).toEqual({ [KLING]: 3 })
  })

  it('forces a 422 for the next N jobs only, without billing them', async () => {
    t.emulator.configure({ force422: 1 })
    const error = await t.viaFetch
      .subscribe(KLING, { input: input(), pollInterval: 10 })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect((error as ApiError<unknown>).status).toBe(422)
    expect((error as ApiError<unknown>).body).toMatchObject({
      detail: [{ loc: ['body', 'start_image_url'] }],
    })
    await expect(
      t.viaFetch.subscribe(KLING, { input: input(), pollInterval: 10 }),
    ).resolves.toBeDefined()
    expect(t.emulator.stats()).toMatchObject({
      failed: { [KLING]: 1 },
      billedSeconds: { [KLING]: 3 },
    })
  })

  it('draws the same faults for the same seed', async () => {
    const run = async () => {
      t.emulator.configure({ seed: 42, failures: { cdn: { 503: 0.5 } } })
      const statuses: number[] = []
      for (let i = 0; i < 12; i++) statuses.push((await hit('cdn')).status)
      return statuses
    }
    const first = await run()
    expect(new Set(first)).toEqual(new Set([200, 503]))
    expect(await run()).toEqual(first)
  })
})
