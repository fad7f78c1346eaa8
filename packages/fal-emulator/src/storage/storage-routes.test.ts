import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { KLING_O1_STANDARD_I2V } from '../endpoints/kling-image-to-video.ts'
import { makePng } from '../testing/png.ts'
import { startTestEmulator, type TestEmulator } from '../testing/test-emulator.ts'

let t: TestEmulator
const bytes = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 251))

beforeAll(async () => {
  t = await startTestEmulator()
})
afterAll(() => t.emulator.stop())

describe('storage and CDN', () => {
  it('fal.storage.upload stores the bytes behind a CDN URL with the uploaded content type', async () => {
    const url = await t.viaProxy.storage.upload(new Blob([bytes], { type: 'application/x-test' }))
    expect(url).toMatch(new RegExp(`^${t.emulator.url}/cdn/[0-9a-f]+/\\d+\\.x$`))
    const res = await fetch(url)
    expect(res.headers.get('content-type')).toBe('application/x-test')
    expect(res.headers.get('accept-ranges')).toBe('bytes')
    expect(Buffer.from(await res.arrayBuffer())).toEqual(bytes)
    expect(t.emulator.stats().requests).toMatchObject({ 'upload-initiate': 1, 'upload-put': 1 })
  })

  it('serves byte ranges: 206 with Content-Range, suffix ranges, 416 past the end, HEAD', async () => {
    const url = await t.upload(bytes, 'application/octet-stream')
    const part = await fetch(url, { headers: { range: 'bytes=10-19' } })
    expect(part.status).toBe(206)
    expect(part.headers.get('content-range')).toBe('bytes 10-19/1000')
    expect(part.headers.get('content-length')).toBe('10')
    expect(Buffer.from(await part.arrayBuffer())).toEqual(bytes.subarray(10, 20))
    const tail = await fetch(url, { headers: { range: 'bytes=-5' } })
    expect(Buffer.from(await tail.arrayBuffer())).toEqual(bytes.subarray(995))
    const past = await fetch(url, { headers: { range: 'bytes=1000-' } })
    expect([past.status, past.headers.get('content-range')]).toEqual([416, 'bytes */1000'])
    const head = await fetch(url, { method: 'HEAD' })
    expect([head.status, head.headers.get('content-length')]).toEqual([200, '1000'])
    expect(await head.text()).toBe('')
  })

  it('404s a CDN id that was never uploaded, and a PUT to an unknown slot', async () => {
    expect((await fetch(`${t.emulator.url}/cdn/nope/x.png`)).status).toBe(404)
    expect(
      (await fetch(`${t.emulator.url}/storage/upload/nope`, { method: 'PUT', body: 'x' })).status,
    ).toBe(404)
  })

  it('an uploaded Blob works as the start image of a Kling job', async () => {
    const image = new Blob([makePng(480, 320)], { type: 'image/png' })
    const result = await t.viaFetch.subscribe(KLING_O1_STANDARD_I2V, {
      // The client uploads Blob inputs itself (transformInput) before submitting.
      input: {
        prompt: '@Image1 pans left',
        start_image_url: image as unknown as string,
        duration: '3',
      },
      pollInterval: 10,
    })
    expect(result.data).toMatchObject({ video: { content_type: 'video/mp4' } })
    expect(t.emulator.stats().requests['upload-put']).toBeGreaterThanOrEqual(1)
  })
})
