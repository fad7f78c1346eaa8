import { describe, expect, it } from 'vitest'
import { createPollingFeed } from './event-feed.ts'

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms))

describe('createPollingFeed', () => {
  it('wakes watchers of a local run on notify only, and of another process’s run by polling', async () => {
    const feed = createPollingFeed({ isLocal: (runId) => runId === 'here', pollMs: 20 })
    const woken = { here: 0, there: 0 }
    const stopHere = feed.watch('here', () => woken.here++)
    const stopThere = feed.watch('there', () => woken.there++)
    feed.notify('here')
    expect(woken).toEqual({ here: 1, there: 0 })
    await sleep(110)
    expect(woken.here).toBe(1)
    expect(woken.there).toBeGreaterThanOrEqual(2)
    stopThere()
    const polled = woken.there
    await sleep(60)
    expect(woken.there).toBe(polled)
    stopHere()
    feed.notify('here')
    expect(woken.here).toBe(1)
    feed.close()
  })
})
