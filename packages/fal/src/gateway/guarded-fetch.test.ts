import { describe, expect, it } from 'vitest'
import { classifyCall, createGuardedFetch } from './guarded-fetch.ts'

const POLICY = { attempts: 3, baseDelayMs: 1, maxDelayMs: 2 }
const SUBMIT = 'https://queue.fal.run/fal-ai/kling-video/o1/standard/image-to-video'
const STATUS = 'https://queue.fal.run/fal-ai/kling-video/requests/r1/status?logs=1'

function transportError(code: string): TypeError {
  return Object.assign(new TypeError('fetch failed'), {
    cause: Object.assign(new Error(code), { code }),
  })
}

/** A fetch that plays back a script: a status number answers, a string throws that transport code. */
function scripted(script: (number | string)[]) {
  const calls: string[] = []
  const fetchFn = (async (input: string | URL | Request) => {
    calls.push(String(input))
    const next = script.shift() ?? 200
    if (typeof next === 'string') throw transportError(next)
    return new Response('{}', { status: next, headers: { 'content-type': 'application/json' } })
  }) as typeof fetch
  return { fetchFn, calls }
}

describe('createGuardedFetch', () => {
  it('classifies fal calls by the queue protocol', () => {
    expect(classifyCall(SUBMIT, 'POST')).toBe('submit')
    expect(classifyCall(STATUS, 'GET')).toBe('repeatable')
    expect(classifyCall(`${STATUS.split('?')[0]}/stream`, 'GET')).toBe('stream')
  })

  it('retries a status call through 503s and resets, then answers', async () => {
    const { fetchFn, calls } = scripted([503, 'ECONNRESET', 200])
    const response = await createGuardedFetch(fetchFn, POLICY)(STATUS)
    expect(response.status).toBe(200)
    expect(calls).toHaveLength(3)
  })

  it('sends a submit once, whatever happens', async () => {
    for (const [fault, code] of [
      ['ECONNRESET', 'ambiguous-submit'],
      [502, 'ambiguous-submit'],
      [429, 'rate-limited'],
      ['ECONNREFUSED', 'network'],
    ] as const) {
      const { fetchFn, calls } = scripted([fault])
      await expect(
        createGuardedFetch(fetchFn, POLICY)(SUBMIT, { method: 'POST' }),
      ).rejects.toMatchObject({ code })
      expect(calls).toHaveLength(1)
    }
  })
})
