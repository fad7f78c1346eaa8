import { describe, expect, it } from 'vitest'
import { downloadUrl } from './download-url.ts'

const FAST = { attempts: 4, baseDelayMs: 1, maxDelayMs: 2 }
const CLIP = new Uint8Array([1, 2, 3, 4, 5, 6])

/** A fetch that answers each call with the next of `answers` (a status, a Response, or a throw). */
function scripted(answers: (number | Response | Error)[]) {
  let calls = 0
  const fetchFn = (async () => {
    const answer = answers[Math.min(calls++, answers.length - 1)]
    if (answer instanceof Error) throw answer
    if (answer instanceof Response) return answer
    return new Response(answer === 200 ? CLIP : 'no', { status: answer })
  }) as unknown as typeof fetch
  return { fetchFn, calls: () => calls }
}

const signal = new AbortController().signal

describe('downloadUrl', () => {
  it('tries again through CDN 5xx, 429 and dropped connections, then has the bytes', async () => {
    const { fetchFn, calls } = scripted([503, 429, new TypeError('fetch failed'), 200])
    const bytes = await downloadUrl('https://cdn.test/clip.mp4', signal, {
      policy: FAST,
      fetch: fetchFn,
    })
    expect([...bytes]).toEqual([...CLIP])
    expect(calls()).toBe(4)
  })

  it('tries again when the body ends before its Content-Length', async () => {
    const cut = new Response(CLIP.slice(0, 3), { headers: { 'content-length': '6' } })
    const { fetchFn, calls } = scripted([cut, 200])
    const bytes = await downloadUrl('https://cdn.test/clip.mp4', signal, {
      policy: FAST,
      fetch: fetchFn,
    })
    expect(bytes.byteLength).toBe(6)
    expect(calls()).toBe(2)
  })

  it('stops at once on an answer another try will not change, with its code', async () => {
    const { fetchFn, calls } = scripted([404])
    await expect(
      downloadUrl('https://cdn.test/gone.mp4', signal, { policy: FAST, fetch: fetchFn }),
    ).rejects.toMatchObject({ code: 'not-found', retryable: false })
    expect(calls()).toBe(1)
  })

  it('gives up after its tries with the last passing failure, still retryable', async () => {
    const { fetchFn, calls } = scripted([503])
    await expect(
      downloadUrl('https://cdn.test/clip.mp4', signal, { policy: FAST, fetch: fetchFn }),
    ).rejects.toMatchObject({ code: 'server', retryable: true })
    expect(calls()).toBe(4)
  })
})
