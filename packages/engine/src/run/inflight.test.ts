import type { NodeOutputs } from '@shotchain/graph'
import { describe, expect, it } from 'vitest'
import { createMemoryCache } from '../cache/cache-store.ts'
import { createMemoryJournal } from '../journal/journal.ts'
import { createTestServices, planAndRun, testDocument } from '../testing/fixtures.ts'

const doc = testDocument(
  [{ id: 'shot', type: 'job', position: [0, 0], params: { prompt: 'sea' } }],
  [],
)

describe('two runs of the same work in one process', () => {
  it('pay once: the second waits for the first result', async () => {
    const stores = { cache: createMemoryCache(), journal: createMemoryJournal() }
    const services = createTestServices()
    const inflight = new Map<string, Promise<NodeOutputs>>()
    const [a, b] = await Promise.all([
      planAndRun(doc, { ...stores, services, inflight }),
      planAndRun(doc, { ...stores, services, inflight }),
    ])
    expect(services.provider.submitted).toEqual(['shot'])
    expect(a.result.outputs.get('shot')).toEqual({ out: 'req-1:sea' })
    expect(b.result.outputs.get('shot')).toEqual({ out: 'req-1:sea' })
    expect(inflight.size).toBe(0)
  })

  it('without the shared map, the second run trips over the first run journal entry', async () => {
    const stores = { cache: createMemoryCache(), journal: createMemoryJournal() }
    const services = createTestServices()
    const runs = await Promise.all([
      planAndRun(doc, { ...stores, services }),
      planAndRun(doc, { ...stores, services }),
    ])
    expect(services.provider.submitted).toEqual(['shot'])
    expect(runs.map((r) => r.result.errors[0]?.code)).toEqual([undefined, 'ambiguous-submit'])
  })

  it('attaches to the request of a run (in any process) that claimed the work first', async () => {
    const journal = createMemoryJournal()
    const services = createTestServices()
    // The other run claims and submits between this node's start and its own submit: the first
    // look-up misses it, the claim does not.
    let looks = 0
    const racing = {
      ...journal,
      get: (key: string) => {
        // (The first look is the planner's estimate; the second is the node's start.)
        if (looks++ === 1) {
          journal.begin(key, { nodeId: 'shot', runId: 'other', at: 1 })
          journal.record(key, 'req-9', 2)
          return undefined
        }
        return journal.get(key)
      },
    }
    const { result } = await planAndRun(doc, {
      cache: createMemoryCache(),
      journal: racing,
      services,
    })
    expect(result.outputs.get('shot')).toEqual({ out: 'req-9:sea' })
    expect(services.provider.submitted).toEqual([])
  })
})
