import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createMemoryCache } from '../cache/cache-store.ts'
import { createMemoryJournal } from '../journal/journal.ts'
import { createPlanMemo } from '../plan/plan-memo.ts'
import { createTestServices, planAndRun, stepNode, type testDocument } from '../testing/fixtures.ts'
import { dagArb } from '../testing/random-dag.ts'

const targetsArb = (size: number) =>
  fc.option(fc.uniqueArray(fc.integer({ min: 0, max: size - 1 }), { minLength: 1, maxLength: 3 }))

function ancestors(doc: ReturnType<typeof testDocument>, targets: readonly string[]): Set<string> {
  const seen = new Set<string>()
  const stack = [...targets]
  while (stack.length > 0) {
    const id = stack.pop() as string
    if (seen.has(id)) continue
    seen.add(id)
    for (const e of doc.edges) if (e.to.node === id) stack.push(e.from.node)
  }
  return seen
}

function descendants(doc: ReturnType<typeof testDocument>, id: string): Set<string> {
  const seen = new Set<string>([id])
  const stack = [id]
  while (stack.length > 0) {
    const from = stack.pop() as string
    for (const e of doc.edges) {
      if (e.from.node === from && !seen.has(e.to.node)) {
        seen.add(e.to.node)
        stack.push(e.to.node)
      }
    }
  }
  return seen
}

/** Holds each node open for a few timer turns, so runs interleave differently. */
function withDelays(delays: readonly number[]) {
  const services = createTestServices()
  services.wait = async (nodeId) => {
    const turns = delays[Number(nodeId.slice(1))] ?? 0
    for (let i = 0; i < turns; i++) await new Promise((resolve) => setTimeout(resolve, 0))
  }
  return services
}

describe('executeRun over random DAGs', () => {
  it('runs every needed node exactly once, after all of its inputs', async () => {
    await fc.assert(
      fc.asyncProperty(
        dagArb.chain((g) => fc.tuple(fc.constant(g), targetsArb(g.doc.nodes.length))),
        async ([{ doc, delays }, picked]) => {
          const targets = picked?.map((i) => `n${i}`)
          const services = withDelays(delays)
          const { result } = await planAndRun(doc, {
            cache: createMemoryCache(),
            journal: createMemoryJournal(),
            services,
            ...(targets ? { targets } : {}),
          })
          const needed = ancestors(doc, targets ?? doc.nodes.map((n) => n.id))
          expect(result.status).toBe('succeeded')
          expect([...services.started].sort()).toEqual([...needed].sort())
          for (const e of doc.edges) {
            if (!needed.has(e.to.node)) continue
            const end = services.trace.indexOf(`end:${e.from.node}`)
            const start = services.trace.indexOf(`start:${e.to.node}`)
            expect(end).toBeGreaterThanOrEqual(0)
            expect(end).toBeLessThan(start)
          }
        },
      ),
      { numRuns: 60 },
    )
  })

  it('runs nothing the second time an unchanged graph runs', async () => {
    await fc.assert(
      fc.asyncProperty(dagArb, fc.boolean(), async ({ doc }, remember) => {
        const cache = createMemoryCache()
        const journal = createMemoryJournal()
        const memo = remember ? createPlanMemo() : undefined
        const first = await planAndRun(doc, {
          cache,
          journal,
          services: createTestServices(),
          memo,
        })
        const services = createTestServices()
        const second = await planAndRun(doc, { cache, journal, services, memo })
        expect(services.started).toEqual([])
        expect(second.plan.estimate.run).toBe(0)
        expect(second.result.outputs).toEqual(first.result.outputs)
      }),
      { numRuns: 60 },
    )
  })

  it('re-runs exactly the edited node and what depends on it', async () => {
    await fc.assert(
      fc.asyncProperty(
        dagArb.chain((g) => fc.tuple(fc.constant(g), fc.nat({ max: g.doc.nodes.length - 1 }))),
        fc.boolean(),
        async ([{ doc }, pick], remember) => {
          const cache = createMemoryCache()
          const journal = createMemoryJournal()
          const memo = remember ? createPlanMemo() : undefined
          await planAndRun(doc, { cache, journal, services: createTestServices(), memo })
          const edited = `n${pick}`
          const changed = Object.freeze({
            ...doc,
            nodes: Object.freeze(
              doc.nodes.map((n) => (n.id === edited ? stepNode(n.id, { n: 99 }) : n)),
            ),
          })
          const services = createTestServices()
          const second = await planAndRun(changed, { cache, journal, services, memo })
          const expected = [...descendants(doc, edited)].sort()
          expect([...services.started].sort()).toEqual(expected)
          expect(second.plan.estimate.run).toBe(expected.length)
        },
      ),
      { numRuns: 60 },
    )
  })

  it('never runs more nodes of a pool at once than its limit', async () => {
    await fc.assert(
      fc.asyncProperty(dagArb, fc.integer({ min: 1, max: 4 }), async ({ doc, delays }, limit) => {
        const services = withDelays(delays)
        const { result } = await planAndRun(doc, {
          cache: createMemoryCache(),
          journal: createMemoryJournal(),
          services,
          limits: { fal: limit },
        })
        expect(result.status).toBe('succeeded')
        expect(services.fal.max).toBeLessThanOrEqual(limit)
        expect(services.started.length).toBe(doc.nodes.length)
      }),
      { numRuns: 60 },
    )
  })
})
