import type { WorkflowNode } from '@shotchain/graph'
import { describe, expect, it } from 'vitest'
import { createMemoryCache } from '../cache/cache-store.ts'
import { createMemoryJournal } from '../journal/journal.ts'
import {
  createTestRegistry,
  createTestServices,
  edge,
  planAndRun,
  stepNode,
  testDocument,
} from '../testing/fixtures.ts'
import { planRun } from './plan-run.ts'

const paid = (id: string, takes?: WorkflowNode['takes']): WorkflowNode => ({
  ...stepNode(id, { paid: true }),
  ...(takes === undefined ? {} : { takes }),
})

/** a → b → c, all paid ($0.10 each); `b` with the takes given. */
function chain(takes?: WorkflowNode['takes']) {
  return testDocument([paid('a'), paid('b', takes), paid('c')], [edge('a', 'b'), edge('b', 'c')])
}

function setUp() {
  return {
    cache: createMemoryCache(),
    journal: createMemoryJournal(),
    services: createTestServices(),
  }
}

describe('takes', () => {
  it('plans each take as its own paid work and counts it in the estimate', () => {
    const planned = planRun(chain({ count: 3, pick: 2 }), createTestRegistry())
    if (!planned.ok) throw new Error('refused')
    const { nodes, estimate } = planned.plan
    expect(nodes.map((n) => n.id)).toEqual(['a', 'b', 'b#take1', 'b#take3', 'c'])
    expect(new Set(nodes.map((n) => n.cacheKey)).size).toBe(5)
    expect(estimate).toMatchObject({ run: 5, usd: 0.5 })
  })

  it('gives take 1 the key of the node without takes, so adding takes re-uses what was made', async () => {
    const stores = setUp()
    await planAndRun(chain(), stores)
    stores.services.started.length = 0
    const again = await planAndRun(chain({ count: 2, pick: 1 }), { ...stores, runId: 'run-2' })
    expect(again.result.status).toBe('succeeded')
    expect(stores.services.started).toEqual(['b#take2'])
    expect(again.plan.estimate).toMatchObject({ run: 1, cached: 3, usd: 0.1 })
  })

  it('re-runs only what depends on the pick when it changes, paying no take again', async () => {
    const stores = setUp()
    const first = await planAndRun(chain({ count: 2, pick: 1 }), stores)
    expect(first.result.status).toBe('succeeded')
    expect(stores.services.started.sort()).toEqual(['a', 'b', 'b#take2', 'c'])
    stores.services.started.length = 0

    const picked = await planAndRun(chain({ count: 2, pick: 2 }), { ...stores, runId: 'run-2' })
    expect(picked.plan.nodes.map((n) => [n.id, n.action])).toEqual([
      ['a', 'cached'],
      ['b', 'cached'],
      ['b#take1', 'cached'],
      ['c', 'run'],
    ])
    expect(stores.services.started).toEqual(['c'])
    // `b` now stands for take 2, whose result the first run kept under `b#take2`.
    const keyOf = (plan: typeof first.plan, id: string) =>
      plan.nodes.find((n) => n.id === id)?.cacheKey
    expect(keyOf(picked.plan, 'b')).toBe(keyOf(first.plan, 'b#take2'))
    expect(keyOf(picked.plan, 'c')).not.toBe(keyOf(first.plan, 'c'))
  })

  it('runs a take the cache lacks even behind a cached result', async () => {
    const stores = setUp()
    await planAndRun(chain(), stores)
    stores.services.started.length = 0
    // `c` is cached and its key unchanged (take 1 is picked), yet take 2 is asked for.
    const again = await planAndRun(chain({ count: 2, pick: 1 }), { ...stores, targets: ['c'] })
    expect(again.plan.nodes.find((n) => n.id === 'c')?.action).toBe('cached')
    expect(stores.services.started).toEqual(['b#take2'])
  })

  it('refuses takes on a free node, naming its takes', () => {
    const free: WorkflowNode = {
      id: 'free',
      type: 'join',
      position: [0, 0],
      params: {},
      takes: { count: 2, pick: 1 },
    }
    const doc = testDocument([stepNode('s'), free], [edge('s', 'free', 'clips', 0)])
    const planned = planRun(doc, createTestRegistry())
    expect(planned.ok).toBe(false)
    if (planned.ok) return
    const issue = { nodeId: 'free', path: 'nodes[1].takes', field: 'takes' }
    expect(planned.issues).toMatchObject([issue])
  })
})
