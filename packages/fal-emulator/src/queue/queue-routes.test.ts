import { ApiError } from '@fal-ai/client'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { KLING_O1_STANDARD_I2V } from '../endpoints/kling-image-to-video.ts'
import { makePng } from '../testing/png.ts'
import { startTestEmulator, type TestEmulator } from '../testing/test-emulator.ts'
import { waitUntilIdle } from '../testing/wait-until-idle.ts'

const KLING = KLING_O1_STANDARD_I2V
let t: TestEmulator
let startUrl: string

const input = () => ({ prompt: '@Image1 waves', start_image_url: startUrl, duration: '3' as const })

async function rejection(promise: Promise<unknown>): Promise<ApiError<unknown>> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(ApiError)
  return error as ApiError<unknown>
}

beforeAll(async () => {
  t = await startTestEmulator()
  startUrl = await t.upload(makePng(320, 320), 'image/png')
})
afterAll(() => t.emulator.stop())
beforeEach(async () => {
  t.emulator.configure({
    queueLatencyMs: 20,
    runLatencyMs: 60,
    concurrency: 2,
    requireAuth: false,
    immediateCancel: false,
  })
  await waitUntilIdle(t.emulator)
  t.emulator.resetStats()
})

describe('queue protocol', () => {
  it('submit answers IN_QUEUE JSON with the request id header; status/result follow the spec', async () => {
    // Long enough that the early status call lands in the queue even on a loaded machine.
    t.emulator.configure({ queueLatencyMs: 1_000 })
    const res = await fetch(`${t.emulator.url}/queue.fal.run/${KLING}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Key k' },
      body: JSON.stringify(input()),
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/json')
    const body = (await res.json()) as Record<string, unknown>
    const id = String(body.request_id)
    expect(res.headers.get('x-fal-request-id')).toBe(id)
    expect(body).toMatchObject({
      status: 'IN_QUEUE',
      queue_position: 0,
      response_url: `https://queue.fal.run/fal-ai/kling-video/requests/${id}`,
      status_url: `https://queue.fal.run/fal-ai/kling-video/requests/${id}/status`,
      cancel_url: `https://queue.fal.run/fal-ai/kling-video/requests/${id}/cancel`,
    })
    const early = await fetch(
      `${t.emulator.url}/queue.fal.run/fal-ai/kling-video/requests/${id}/status?logs=0`,
    )
    expect(early.status).toBe(202)
    expect(await early.json()).toMatchObject({ status: 'IN_QUEUE', logs: null })
    const notYet = await fetch(`${t.emulator.url}/queue.fal.run/fal-ai/kling-video/requests/${id}`)
    expect([notYet.status, await notYet.json()]).toEqual([
      400,
      { detail: 'Request is still in progress' },
    ])

    await t.viaFetch.queue.subscribeToStatus(KLING, { requestId: id, pollInterval: 10 })
    const done = await t.viaFetch.queue.status(KLING, { requestId: id, logs: true })
    expect(done).toMatchObject({
      status: 'COMPLETED',
      metrics: { inference_time: expect.any(Number) },
    })
    const logs = (done as unknown as { logs: { message: string; level: string; source: string }[] })
      .logs
    expect(logs.map((l) => l.message)).toEqual(
      expect.arrayContaining([
        'Starting fal-ai/kling-video/o1/standard/image-to-video',
        'Progress: 50%',
      ]),
    )
    expect(logs[0]).toMatchObject({ level: 'INFO', source: 'USER', timestamp: expect.any(String) })
    const result = await t.viaFetch.queue.result(KLING, { requestId: id })
    expect(result.requestId).toBe(id)
    expect(result.data).toMatchObject({ video: { content_type: 'video/mp4' } })
  })

  it('counts queue positions down while jobs wait for a free slot', async () => {
    t.emulator.configure({ concurrency: 1, queueLatencyMs: 0, runLatencyMs: 150 })
    const ids = []
    // The first job starts at once; the other three wait behind it in submit order.
    for (let i = 0; i < 4; i++)
      ids.push((await t.viaProxy.queue.submit(KLING, { input: input() })).request_id)
    const last = ids[3] ?? ''
    const positions: number[] = []
    await t.viaProxy.queue.subscribeToStatus(KLING, {
      requestId: last,
      pollInterval: 20,
      onQueueUpdate: (s) => {
        if (s.status === 'IN_QUEUE') positions.push(s.queue_position)
      },
    })
    const distinct = positions.filter((p, i) => p !== positions[i - 1])
    expect(distinct).toEqual([2, 1, 0])
    expect(t.emulator.stats().totals).toMatchObject({ submits: 4, completed: 4 })
  })

  it('cancel while queued: 202, status COMPLETED with error, result 499, unbilled', async () => {
    t.emulator.configure({ queueLatencyMs: 5_000 })
    const { request_id } = await t.viaFetch.queue.submit(KLING, { input: input() })
    await t.viaFetch.queue.cancel(KLING, { requestId: request_id })
    const status = await t.viaFetch.queue.status(KLING, { requestId: request_id })
    expect(status).toMatchObject({
      status: 'COMPLETED',
      error: 'Request was cancelled',
      error_type: 'client_cancelled',
    })
    const error = await rejection(t.viaFetch.queue.result(KLING, { requestId: request_id }))
    expect(error.status).toBe(499)
    const again = await rejection(t.viaFetch.queue.cancel(KLING, { requestId: request_id }))
    expect([again.status, again.body]).toEqual([400, { status: 'ALREADY_COMPLETED' }])
    const stats = t.emulator.stats()
    expect(stats.cancelled).toEqual({ [KLING]: 1 })
    expect(stats.billedSeconds).toEqual({})
    expect(stats.billed).toEqual({})
    expect(stats.completed).toEqual({})
  })

  it('cancel while running, like fal: acknowledged, yet the job finishes and is billed', async () => {
    t.emulator.configure({ queueLatencyMs: 0, runLatencyMs: 400 })
    const { request_id } = await t.viaFetch.queue.submit(KLING, { input: input() })
    const answers: unknown[] = []
    await t.viaFetch.queue.subscribeToStatus(KLING, {
      requestId: request_id,
      pollInterval: 10,
      onQueueUpdate: (s) => {
        if (s.status === 'IN_PROGRESS' && answers.length === 0) {
          answers.push('asked')
          void fetch(
            `${t.emulator.url}/queue.fal.run/fal-ai/kling-video/requests/${request_id}/cancel`,
            { method: 'PUT', headers: { authorization: 'Key k' } },
          ).then(async (res) => answers.push([res.status, await res.json()]))
        }
      },
    })
    expect(answers).toEqual(['asked', [202, { status: 'CANCELLATION_REQUESTED' }]])
    const result = await t.viaFetch.queue.result(KLING, { requestId: request_id })
    expect(result.data).toMatchObject({ video: { content_type: 'video/mp4' } })
    const { logs } = (await t.viaFetch.queue.status(KLING, {
      requestId: request_id,
      logs: true,
    })) as { logs: { message: string }[] }
    expect(logs.map((l) => l.message)).toContain(
      'Cancellation requested: the runner was signalled, the job goes on',
    )
    expect(t.emulator.stats()).toMatchObject({
      cancelled: { [KLING]: 1 },
      completed: { [KLING]: 1 },
      billed: { [KLING]: 1 },
      billedSeconds: { [KLING]: 3 },
      totals: { billed: 1 },
    })
  })

  it('cancel while running with immediateCancel ends the job at once, unbilled', async () => {
    t.emulator.configure({ queueLatencyMs: 0, runLatencyMs: 5_000, immediateCancel: true })
    const { request_id } = await t.viaFetch.queue.submit(KLING, { input: input() })
    await t.viaFetch.queue.subscribeToStatus(KLING, {
      requestId: request_id,
      pollInterval: 10,
      onQueueUpdate: (s) => {
        if (s.status === 'IN_PROGRESS')
          void t.viaFetch.queue.cancel(KLING, { requestId: request_id })
      },
    })
    expect(t.emulator.stats()).toMatchObject({
      cancelled: { [KLING]: 1 },
      billed: {},
      billedSeconds: {},
    })
  })

  it('fails a job still queued after x-fal-request-timeout with a user timeout (504)', async () => {
    t.emulator.configure({ queueLatencyMs: 5_000 })
    const { request_id } = await t.viaFetch.queue.submit(KLING, {
      input: input(),
      startTimeout: 1.05,
    })
    await t.viaFetch.queue.subscribeToStatus(KLING, { requestId: request_id, pollInterval: 50 })
    const error = await rejection(t.viaFetch.queue.result(KLING, { requestId: request_id }))
    expect([error.status, error.isUserTimeout]).toEqual([504, true])
    expect(t.emulator.stats()).toMatchObject({ failed: { [KLING]: 1 }, billedSeconds: {} })
  })

  it('answers NOT_FOUND for unknown ids and looks ids up under owner/alias only', async () => {
    const unknown = await rejection(t.viaFetch.queue.cancel(KLING, { requestId: 'nope' }))
    expect([unknown.status, unknown.body]).toEqual([404, { status: 'NOT_FOUND' }])
    const { request_id } = await t.viaFetch.queue.submit(KLING, { input: input() })
    // Any sub-path of the same app reaches the job; another app does not.
    await expect(
      t.viaFetch.queue.status('fal-ai/kling-video/o1/image-to-video', { requestId: request_id }),
    ).resolves.toMatchObject({ request_id })
    const other = await rejection(
      t.viaFetch.queue.status('fal-ai/ffmpeg-api/extract-frame', { requestId: request_id }),
    )
    expect(other.status).toBe(404)
  })

  it('rejects an unknown endpoint with 404 "Application not found" and counts no submit', async () => {
    const error = await rejection(t.viaFetch.queue.submit('fal-ai/flux-nope/dev', { input: {} }))
    expect([error.status, error.body]).toEqual([
      404,
      { detail: 'Application "flux-nope" not found' },
    ])
    expect(t.emulator.stats().totals.submits).toBe(0)
  })

  it('streams status over SSE and closes after COMPLETED', async () => {
    // Long enough that the stream opens while the job is still queued, even on a loaded machine.
    t.emulator.configure({ queueLatencyMs: 1_000 })
    const { request_id } = await t.viaFetch.queue.submit(KLING, { input: input() })
    const res = await fetch(
      `${t.emulator.url}/queue.fal.run/fal-ai/kling-video/requests/${request_id}/status/stream?logs=1`,
      {
        headers: { accept: 'application/json, text/event-stream' },
      },
    )
    expect(res.headers.get('content-type')).toBe('text/event-stream')
    const events = (await res.text())
      .split('\n\n')
      .filter((e) => e.startsWith('data: '))
      .map((e) => JSON.parse(e.slice(6)) as { status: string; logs: unknown[] })
    expect(events.map((e) => e.status).filter((s, i, all) => s !== all[i - 1])).toEqual([
      'IN_QUEUE',
      'IN_PROGRESS',
      'COMPLETED',
    ])
    // Each event carries only new log lines: no line is sent twice.
    const lines = events.flatMap((e) => e.logs)
    expect(new Set(lines.map((l) => JSON.stringify(l))).size).toBe(lines.length)
  })

  it('POSTs the webhook with the fal body when fal_webhook is given', async () => {
    const received: unknown[] = []
    const { createServer } = await import('node:http')
    const hook = createServer((req, res) => {
      let text = ''
      req.on('data', (c) => (text += c))
      req.on('end', () => {
        received.push(JSON.parse(text))
        res.end()
      })
    })
    await new Promise<void>((r) => hook.listen(0, '127.0.0.1', r))
    const port = (hook.address() as { port: number }).port
    const { request_id } = await t.viaFetch.queue.submit(KLING, {
      input: { prompt: '', start_image_url: startUrl },
      webhookUrl: `http://127.0.0.1:${port}/hook`,
    })
    await t.viaFetch.queue.subscribeToStatus(KLING, { requestId: request_id, pollInterval: 10 })
    await expect.poll(() => received.length).toBe(1)
    hook.close()
    expect(received[0]).toMatchObject({
      request_id,
      gateway_request_id: request_id,
      status: 'ERROR',
      error: 'Invalid status code: 422',
      payload: { detail: [{ loc: ['body', 'prompt'], type: 'string_too_short' }] },
    })
  })

  it('enforces Authorization: Key … while requireAuth is on (the default)', async () => {
    t.emulator.configure({ requireAuth: true })
    const anonymous = await fetch(`${t.emulator.url}/queue.fal.run/${KLING}`, {
      method: 'POST',
      body: '{}',
    })
    expect([anonymous.status, await anonymous.json()]).toEqual([
      401,
      { detail: 'Authorization header is required' },
    ])
    await expect(t.viaFetch.queue.submit(KLING, { input: input() })).resolves.toMatchObject({
      status: 'IN_QUEUE',
    })
  })

  it('answers CORS preflights and exposes the request id header', async () => {
    const res = await fetch(`${t.emulator.url}/proxy`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://127.0.0.1:5173',
        'access-control-request-headers': 'x-fal-target-url, authorization',
      },
    })
    expect(res.status).toBe(204)
    expect(res.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:5173')
    expect(res.headers.get('access-control-allow-headers')).toBe('x-fal-target-url, authorization')
    expect(res.headers.get('access-control-expose-headers')).toContain(
      'x-fal-request-id, x-fal-request-timeout-type',
    )
  })
})
