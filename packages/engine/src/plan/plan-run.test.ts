import fc from 'fast-check'
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
import { dagArb } from '../testing/random-dag.ts'
import { createPlanMemo } from './plan-memo.ts'
import { planRun } from './plan-run.ts'

const registry = createTestRegistry()
const chain = testDocument(
  [stepNode('a', { paid: true }), stepNode('b', { paid: true }), stepNode('c', { paid: true })],
  [edge('a', 'b'), edge('b', 'c')],
)

describe('planRun', () => {
  it('refuses a cycle before anything runs, naming its nodes', () => {
    const doc = testDocument(
      [stepNode('a'), stepNode('b'), stepNode('c')],
      [edge('a', 'b'), edge('b', 'c'), edge('c', 'a')],
    )
    const result = planRun(doc, registry)
    expect(result.ok).toBe(false)
    if (result.ok) return
    const cycle = result.issues.find((i) => i.code === 'cycle')
    expect(cycle?.nodeIds ? [...cycle.nodeIds].sort() : []).toEqual(['a', 'b', 'c'])
  })

  it('refuses a type mismatch and bad params, with paths', () => {
    const doc = testDocument(
      [
        stepNode('a', { n: 'five' }),
        { id: 'j', type: 'join', position: [0, 0], params: {} },
        stepNode('b'),
      ],
      [edge('a', 'j', 'clips', 0), edge('j', 'b')],
    )
    const broken = {
      ...doc,
      nodes: [...doc.nodes, { id: 'v', type: 'nope', position: [0, 0] as const, params: {} }],
    }
    const result = planRun(broken, registry, { targets: ['b', 'v'] })
    expect(result.ok).toBe(false)
    if (result.ok) return
    const codes = result.issues.map((i) => `${i.code} ${i.path}`)
    expect(codes).toContain('invalid-param nodes[0].params.n')
    expect(codes).toContain('unknown-node-type nodes[3].type')
  })

  it('plans only what the targets need, and ignores errors elsewhere', () => {
    const doc = testDocument([...chain.nodes, stepNode('loose', { n: 'bad' })], chain.edges)
    const result = planRun(doc, registry, { targets: ['b'] })
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.plan.nodes.map((n) => n.id)).toEqual(['a', 'b'])
    expect(result.plan.estimate).toMatchObject({ run: 2, cached: 0, usd: 0.2 })
    expect(result.plan.warnings.map((w) => w.nodeId)).toEqual(['loose'])
  })

  it('refuses a target that does not exist', () => {
    const result = planRun(chain, registry, { targets: ['ghost'] })
    expect(result).toMatchObject({
      ok: false,
      issues: [{ code: 'unknown-target', path: 'targets[0]' }],
    })
  })

  it('stops at a cached node: what only it needed is neither run nor paid for', async () => {
    const cache = createMemoryCache()
    const journal = createMemoryJournal()
    await planAndRun(chain, { cache, journal, services: createTestServices(), targets: ['b'] })
    const lost = createMemoryCache()
    // Only b's result survives: c needs b, and b is enough; a need not run again.
    const bKey = planRun(chain, registry, { targets: ['b'] })
    if (!bKey.ok) throw new Error('refused')
    const b = bKey.plan.nodes.find((n) => n.id === 'b')
    const entry = b && cache.get(b.cacheKey)
    if (b === undefined || entry === undefined) throw new Error('b not cached')
    lost.set(b.cacheKey, entry)
    const result = planRun(chain, registry, { cache: lost, targets: ['c'] })
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.plan.nodes.map((n) => [n.id, n.action])).toEqual([
      ['b', 'cached'],
      ['c', 'run'],
    ])
    expect(result.plan.estimate.usd).toBe(0.1)
  })

  it('reports every cached node behind a cached target, so a run tells each result it stands on', async () => {
    const cache = createMemoryCache()
    const journal = createMemoryJournal()
    await planAndRun(chain, { cache, journal, services: createTestServices(), targets: ['c'] })
    const result = planRun(chain, registry, { cache, targets: ['c'] })
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.plan.nodes.map((n) => [n.id, n.action, n.outputs !== undefined])).toEqual([
      ['a', 'cached', true],
      ['b', 'cached', true],
      ['c', 'cached', true],
    ])
    expect(result.plan.estimate).toMatchObject({ run: 0, cached: 3, usd: 0 })
  })

  it('keys a node by its work, not its id or place on the canvas', () => {
    const moved = testDocument(
      [
        stepNode('first', { label: 'a', paid: true }),
        stepNode('second', { label: 'b', paid: true }),
      ],
      [edge('first', 'second')],
    )
    const placed = {
      ...moved,
      nodes: moved.nodes.map((n) => ({ ...n, position: [500, 9] as const })),
    }
    const keys = (d: typeof moved) => {
      const r = planRun(d, registry)
      return r.ok ? r.plan.nodes.map((n) => n.cacheKey) : []
    }
    const original = planRun(
      testDocument(chain.nodes.slice(0, 2), chain.edges.slice(0, 1)),
      registry,
    )
    expect(original.ok && original.plan.nodes.map((n) => n.cacheKey)).toEqual(keys(moved))
    expect(keys(placed)).toEqual(keys(moved))
    const defaults = testDocument([stepNode('x', { n: 0, paid: false, label: 'x' })], [])
    const bare = testDocument([stepNode('x')], [])
    expect(keys(defaults)).toEqual(keys(bare))
  })

  it('runs output nodes by default when the document has them', () => {
    const doc = testDocument(
      [stepNode('a'), stepNode('unused'), { id: 'j', type: 'join', position: [0, 0], params: {} }],
      [edge('a', 'j', 'clips', 0)],
    )
    const result = planRun(doc, registry)
    expect(result.ok && result.plan.targets).toEqual(['j'])
    expect(result.ok && result.plan.nodes.map((n) => n.id)).toEqual(['a', 'j'])
  })

  it('keys exactly as without a memo, after any edit', () => {
    fc.assert(
      fc.property(dagArb, fc.nat(), fc.integer({ min: 4, max: 9 }), ({ doc }, pick, value) => {
        const memo = createPlanMemo()
        const keysOf = (r: ReturnType<typeof planRun>) =>
          r.ok ? r.plan.nodes.map((n) => `${n.id}=${n.cacheKey}`) : []
        expect(keysOf(planRun(doc, registry, { memo }))).toEqual(keysOf(planRun(doc, registry)))
        const edited = testDocument(
          doc.nodes.map((n, i) =>
            i === pick % doc.nodes.length ? stepNode(n.id, { n: value }) : n,
          ),
          doc.edges,
        )
        expect(keysOf(planRun(edited, registry, { memo }))).toEqual(
          keysOf(planRun(edited, registry)),
        )
        expect(keysOf(planRun(edited, registry, { memo }))).toEqual(
          keysOf(planRun(edited, registry)),
        )
      }),
    )
  })
})
