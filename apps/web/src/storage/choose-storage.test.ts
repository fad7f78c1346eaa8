import { describe, expect, it } from 'vitest'
import { startTestServer } from '../testing/test-server.ts'
import { chooseStorage } from './choose-storage.ts'

const local = { getItem: () => null, setItem: () => {}, removeItem: () => {} }

describe('chooseStorage', () => {
  it('saves on the server when it answers, and says which fal it uses', async () => {
    const server = await startTestServer()
    try {
      const backend = await chooseStorage({ local, base: server.url })
      expect(backend.storage.kind).toBe('server')
      expect(backend.server).toEqual({ fal: 'offline emulator' })
    } finally {
      await server.close()
    }
  })

  it('saves in this browser when nothing answers', async () => {
    const backend = await chooseStorage({
      local,
      fetch: () => Promise.reject(new TypeError('fetch failed')),
    })
    expect(backend.storage.kind).toBe('local')
    expect(backend.server).toBeUndefined()
  })

  it('saves in this browser when the page comes from a plain static host', async () => {
    const page = () => Promise.resolve(new Response('<!doctype html><p>hello</p>', { status: 200 }))
    expect((await chooseStorage({ local, fetch: page })).storage.kind).toBe('local')
    const proxyDown = () => Promise.resolve(new Response('', { status: 500 }))
    expect((await chooseStorage({ local, fetch: proxyDown })).storage.kind).toBe('local')
  })
})
