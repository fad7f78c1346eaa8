import { describe, expect, it } from 'vitest'
import { emulatorFetch, rewriteFalUrl } from './emulator-fetch.ts'

const EMU = 'http://127.0.0.1:4000'

describe('rewriteFalUrl', () => {
  it.each([
    [
      'https://queue.fal.run/fal-ai/kling-video/o1/standard/image-to-video?fal_webhook=x',
      `${EMU}/queue.fal.run/fal-ai/kling-video/o1/standard/image-to-video?fal_webhook=x`,
    ],
    [
      'https://rest.fal.ai/storage/upload/initiate?storage_type=fal-cdn-v3',
      `${EMU}/rest.fal.ai/storage/upload/initiate?storage_type=fal-cdn-v3`,
    ],
    ['https://fal.run/fal-ai/flux', `${EMU}/fal.run/fal-ai/flux`],
  ])('sends %s to the emulator', (url, expected) => {
    expect(rewriteFalUrl(url, `${EMU}/`)).toBe(expected)
  })

  it.each([
    [`${EMU}/storage/upload/abc`],
    ['https://v3b.fal.media/files/x.mp4'],
    ['http://queue.fal.run/x'],
    ['not a url'],
  ])('leaves %s alone', (url) => {
    expect(rewriteFalUrl(url, EMU)).toBe(url)
  })
})

describe('emulatorFetch', () => {
  it('rewrites strings, URLs and Request objects before calling the base fetch', async () => {
    const seen: string[] = []
    const base = (async (input: Parameters<typeof fetch>[0]) => {
      seen.push(input instanceof Request ? input.url : String(input))
      return new Response('ok')
    }) as typeof fetch
    const f = emulatorFetch(EMU, base)
    await f('https://queue.fal.run/a/b')
    await f(new URL('https://rest.fal.ai/tokens/'))
    await f(new Request('https://queue.fal.run/a/b/requests/1', { method: 'PUT' }))
    expect(seen).toEqual([
      `${EMU}/queue.fal.run/a/b`,
      `${EMU}/rest.fal.ai/tokens/`,
      `${EMU}/queue.fal.run/a/b/requests/1`,
    ])
  })
})
