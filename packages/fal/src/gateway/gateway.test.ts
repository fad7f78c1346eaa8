import { emulatorFetch, type FalEmulator, type KnobsInput } from '@shotchain/fal-emulator'
import { makePng, startTestEmulator } from '@shotchain/fal-emulator/testing'
import { KLING_O1_ENDPOINTS, klingO1Input } from '@shotchain/kling'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { factsOfUrl } from '../preflight/check-image.ts'
import { createFalGateway, type FalGateway } from './create-fal-gateway.ts'
import type { FalProgress } from './wait-for-result.ts'

const KLING = KLING_O1_ENDPOINTS.standard
const FAST_RETRY = { attempts: 8, baseDelayMs: 5, maxDelayMs: 40 }

let emulator: FalEmulator
let fal: FalGateway
let startUrl: string

beforeAll(async () => {
  emulator = (await startTestEmulator()).emulator
  fal = createFalGateway({
    mode: 'emulator',
    credentials: 'test-key',
    fetch: emulatorFetch(emulator.url),
    retry: FAST_RETRY,
    pollIntervalMs: 10,
  })
  startUrl = await fal.upload({
    bytes: makePng(640, 360),
    contentType: 'image/png',
    fileName: 'start.png',
  })
})

afterAll(() => emulator.stop())

beforeEach(() => {
  emulator.configure({ failures: {}, faultScript: [], force422: 0 })
  emulator.resetStats()
})

const clip = (prompt = 'a slow push in', durationSec = 3) =>
  klingO1Input({ prompt, startImageUrl: startUrl, durationSec })

function configure(knobs: KnobsInput) {
  emulator.configure(knobs)
}

describe('the fal gateway on the emulator', () => {
  it('submits, reports queue and progress, and returns the video', async () => {
    const progress: FalProgress[] = []
    const id = await fal.submit(KLING, clip())
    const output = (await fal.wait(KLING, id, { onProgress: (p) => progress.push(p) })) as {
      video: { url: string; content_type: string }
    }
    expect(output.video.content_type).toBe('video/mp4')
    expect(progress.map((p) => p.status)).toContain('running')
    expect(progress.at(-1)?.status).toBe('completed')
    expect(progress.flatMap((p) => p.logs).length).toBeGreaterThan(0)
    expect(emulator.stats().totals).toMatchObject({ submits: 1, billedSeconds: 3 })
  })

  it('finishes every job through 30% failing status and result calls, paying once per job', async () => {
    const flaky = { 500: 0.1, 503: 0.1, dropBefore: 0.1 }
    configure({ seed: 7, failures: { status: flaky, result: { 502: 0.15, dropBefore: 0.15 } } })
    const ids = await Promise.all([1, 2, 3].map((n) => fal.submit(KLING, clip(`shot ${n}`))))
    const outputs = await Promise.all(ids.map((id) => fal.wait(KLING, id)))
    expect(outputs).toHaveLength(3)
    const stats = emulator.stats()
    expect(stats.faults.status + stats.faults.result).toBeGreaterThan(0)
    expect(stats.submits[KLING]).toBe(3)
    expect(stats.billedSeconds[KLING]).toBe(9)
  })

  it('never resubmits a submit answered with 503: it is ambiguous, and fal got at most one', async () => {
    configure({ faultScript: [{ route: 'submit', fault: 503 }] })
    await expect(fal.submit(KLING, clip())).rejects.toMatchObject({ code: 'ambiguous-submit' })
    expect(emulator.stats().requests.submit).toBe(1)
  })

  it('reports a connection dropped after fal queued the job as ambiguous, with one job at fal', async () => {
    configure({ faultScript: [{ route: 'submit', fault: 'dropAfter' }] })
    await expect(fal.submit(KLING, clip())).rejects.toMatchObject({ code: 'ambiguous-submit' })
    expect(emulator.stats().submits[KLING]).toBe(1)
    expect(emulator.stats().requests.submit).toBe(1)
  })

  it('tries a rate-limited submit again: a 429 queued nothing', async () => {
    configure({ faultScript: [{ route: 'submit', fault: 429, times: 2 }] })
    const id = await fal.submit(KLING, clip())
    expect(id).not.toBe('')
    expect(emulator.stats().requests.submit).toBe(3)
    expect(emulator.stats().submits[KLING]).toBe(1)
  })

  it('cancels the job at fal when the wait is aborted', async () => {
    configure({ queueLatencyMs: 2_000 })
    const id = await fal.submit(KLING, clip())
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 50)
    await expect(fal.wait(KLING, id, { signal: controller.signal })).rejects.toMatchObject({
      code: 'cancelled',
    })
    configure({ queueLatencyMs: 20 })
    expect(emulator.stats().cancelled[KLING]).toBe(1)
    expect(emulator.stats().totals.billedSeconds).toBe(0)
  })

  it('maps a 422 to the field at fault', async () => {
    const small = await fal.upload({
      bytes: makePng(200, 200),
      contentType: 'image/png',
      fileName: 'small.png',
    })
    const id = await fal.submit(
      KLING,
      klingO1Input({ prompt: 'x', startImageUrl: small, durationSec: 3 }),
    )
    await expect(fal.wait(KLING, id)).rejects.toMatchObject({
      code: 'validation',
      field: 'start_image_url',
      requestEnded: true,
    })
  })

  it('keeps asking for a finished job’s result through a long run of 5xx answers', async () => {
    const id = await fal.submit(KLING, clip())
    // More 500s than the retry policy's 8 tries (fal's client adds none for a 500): the old wait
    // called that the job's own failure and let the journal forget a paid request.
    configure({ faultScript: Array.from({ length: 20 }, () => ({ route: 'result', fault: 500 })) })
    const output = (await fal.wait(KLING, id)) as { video: { url: string } }
    expect(output.video.url).toMatch(/^https?:/)
    expect(emulator.stats().totals.submits).toBe(1)
  })

  it('gives up on a result after its patience as a passing failure, never as the job’s end', async () => {
    const impatient = createFalGateway({
      mode: 'emulator',
      credentials: 'test-key',
      fetch: emulatorFetch(emulator.url),
      retry: FAST_RETRY,
      pollIntervalMs: 10,
      resultPatienceMs: 0,
    })
    const id = await impatient.submit(KLING, clip())
    configure({ faultScript: Array.from({ length: 20 }, () => ({ route: 'result', fault: 500 })) })
    await expect(impatient.wait(KLING, id)).rejects.toMatchObject({
      code: 'server',
      retryable: true,
      requestEnded: false,
    })
  })

  it('says a request fal does not know has ended', async () => {
    await expect(fal.wait(KLING, 'no-such-request')).rejects.toMatchObject({
      code: 'not-found',
      requestEnded: true,
    })
  })

  it('uploads the same bytes once', async () => {
    const bytes = makePng(400, 400, { hue: 'green' })
    const first = await fal.upload({ bytes, contentType: 'image/png', fileName: 'a.png' })
    const again = await fal.upload({ bytes, contentType: 'image/png', fileName: 'b.png' })
    expect(again).toBe(first)
    expect(emulator.stats().requests['upload-initiate']).toBe(1)
  })

  it('reads an image URL size and dimensions from its first bytes, for pre-flight', async () => {
    const bytes = makePng(320, 900, { noise: true })
    const url = await fal.upload({ bytes, contentType: 'image/png', fileName: 'tall.png' })
    const facts = await factsOfUrl(url, fetch)
    expect(facts).toEqual({
      header: { format: 'png', width: 320, height: 900 },
      sizeBytes: bytes.byteLength,
    })
  })
})
