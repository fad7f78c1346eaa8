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
})
