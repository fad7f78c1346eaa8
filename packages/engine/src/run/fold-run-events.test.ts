import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createMemoryCache } from '../cache/cache-store.ts'
import { createMemoryJournal } from '../journal/journal.ts'
import { createMemoryLedger } from '../spend/spend-ledger.ts'
import { createTestServices, edge, planAndRun, testDocument } from '../testing/fixtures.ts'
import { dagArb } from '../testing/random-dag.ts'
import type { RunEvent, RunEventBody } from './events.ts'
import {
  countNodeStatuses,
  emptyRunState,
  foldRunEvent,
  foldRunEvents,
  isRunLive,
  type NodeStatus,
} from './fold-run-events.ts'

const RUN = 'run-1'
const ESTIMATE = { usd: 0.84, run: 2, cached: 1, resumedUsd: 0 } as never

function stamp(bodies: readonly RunEventBody[], from = 1): RunEvent[] {
  return bodies.map(
    (body, i) => ({ ...body, runId: RUN, seq: from + i, at: 1000 * (from + i) }) as RunEvent,
  )
}

const started = (toRun: string[], cached: string[] = []): RunEventBody => ({
  type: 'run-started',
  targets: [],
  toRun,
  cached,
  reused: [],
  estimate: ESTIMATE,
})

const finished = (
  spentUsd: number,
  status: 'succeeded' | 'failed' = 'succeeded',
): RunEventBody => ({
  type: 'run-finished',
  status,
  spentUsd,
  counts: { succeeded: 1, cached: 0, failed: 0, skipped: 0, cancelled: 0 },
})

describe('foldRunEvent', () => {
  it('moves a paid shot through the engine’s words: waiting, queued, running, submitted, succeeded', () => {
    const events = stamp([
      started(['shot'], ['image']),
      { type: 'node-cached', nodeId: 'image', outputs: { image: 'i' } },
      { type: 'node-queued', nodeId: 'shot' },
      { type: 'node-started', nodeId: 'shot' },
      { type: 'node-submitted', nodeId: 'shot', requestId: 'req-1', costUsd: 0.42 },
      { type: 'node-progress', nodeId: 'shot', progress: { status: 'queued', queuePosition: 2 } },
      { type: 'node-progress', nodeId: 'shot', progress: { status: 'running', logs: ['go'] } },
      { type: 'node-succeeded', nodeId: 'shot', outputs: { video: 'v' }, costUsd: 0.42 },
      finished(0.42),
    ])
    const statuses = events.map((_, k) => foldRunEvents(events.slice(0, k + 1)).nodes.get('shot'))
    expect(statuses.map((n) => n?.status)).toEqual([
      'waiting',
      'waiting',
      'queued',
      'running',
      'submitted',
      'submitted',
      'submitted',
      'succeeded',
      'succeeded',
    ])
    expect(statuses[5]?.fal).toEqual({ status: 'queued', queuePosition: 2 })
    expect(statuses[6]).toMatchObject({ fal: { status: 'running' }, log: 'go', requestId: 'req-1' })
    const end = foldRunEvents(events)
    expect(end.nodes.get('shot')).toMatchObject({ outputs: { video: 'v' }, costUsd: 0.42 })
    expect(end.nodes.get('image')).toEqual({ status: 'cached', outputs: { image: 'i' } })
    expect(end).toMatchObject({ runId: RUN, status: 'succeeded', spentUsd: 0.42, lastSeq: 9 })
    expect(isRunLive(end)).toBe(false)
  })

  it('counts spend at the submit, so a shot that then fails has still spent', () => {
    const events = stamp([
      started(['shot']),
      { type: 'node-started', nodeId: 'shot' },
      { type: 'node-submitted', nodeId: 'shot', requestId: 'req-1', costUsd: 0.42 },
      {
        type: 'node-failed',
        nodeId: 'shot',
        error: { code: 'validation', message: 'too small', nodeId: 'shot', field: 'start' },
      },
    ])
    const state = foldRunEvents(events)
    expect(state.spentUsd).toBe(0.42)
    expect(state.nodes.get('shot')).toMatchObject({
      status: 'failed',
      requestId: 'req-1',
      error: { code: 'validation', message: 'too small', field: 'start' },
    })
  })

  it('a re-attached node is submitted with its old request id, and the resumed run adds up', () => {
    const first = stamp([
      started(['shot']),
      { type: 'node-started', nodeId: 'shot' },
      finished(0.42, 'failed'),
    ])
    const second = stamp(
      [
        started(['shot']),
        { type: 'node-started', nodeId: 'shot', resumeRequestId: 'req-old' },
        { type: 'node-succeeded', nodeId: 'shot', outputs: {}, costUsd: 0 },
        finished(0),
      ],
      4,
    )
    const afterFirst = foldRunEvents(first)
    expect(afterFirst.status).toBe('failed')
    const reattached = foldRunEvents(second.slice(0, 2), afterFirst)
    expect(isRunLive(reattached)).toBe(true)
    expect(reattached.spentUsd).toBe(0.42)
    expect(reattached.nodes.get('shot')).toMatchObject({
      status: 'submitted',
      requestId: 'req-old',
      resumeRequestId: 'req-old',
    })
    expect(foldRunEvents(second, afterFirst)).toMatchObject({ status: 'succeeded', spentUsd: 0.42 })
  })

  it('node events after run-finished mean the run was resumed: it is running again', () => {
    const events = stamp([
      started(['a']),
      finished(0, 'failed'),
      { type: 'node-queued', nodeId: 'a' },
    ])
    expect(foldRunEvents(events).status).toBe('running')
  })

  it('ignores events of another run once it knows its own', () => {
    const state = emptyRunState('other')
    expect(foldRunEvent(state, stamp([started(['a'])])[0] as RunEvent)).toBe(state)
  })

  it('counts nodes it has not heard of as waiting', () => {
    const state = foldRunEvents(stamp([started(['a', 'b']), { type: 'node-queued', nodeId: 'a' }]))
    expect(countNodeStatuses(state, ['a', 'b', 'c'])).toMatchObject({ queued: 1, waiting: 2 })
  })
})

describe('foldRunEvent over real executions', () => {
  const failingArb = (size: number) => fc.uniqueArray(fc.nat({ max: size - 1 }), { maxLength: 3 })

  it('ends with every node in a final state that agrees with the engine’s counts and spend', async () => {
    await fc.assert(
      fc.asyncProperty(
        dagArb.chain((g) => fc.tuple(fc.constant(g), failingArb(g.doc.nodes.length))),
        async ([{ doc }, failing]) => {
          const services = createTestServices()
          for (const i of failing) services.failing.add(`n${i}`)
          const { result, events } = await planAndRun(doc, {
            cache: createMemoryCache(),
            journal: createMemoryJournal(),
            services,
          })
          const state = foldRunEvents(events)
          const final: NodeStatus[] = ['succeeded', 'cached', 'failed', 'skipped', 'cancelled']
          for (const node of state.nodes.values()) expect(final).toContain(node.status)
          const counts = countNodeStatuses(state, [...state.nodes.keys()])
          expect(counts.succeeded).toBe(result.counts.succeeded)
          expect(counts.failed).toBe(result.counts.failed)
          expect(counts.skipped).toBe(result.counts.skipped)
          expect(counts.cached).toBe(result.counts.cached)
          expect(state.status).toBe(result.status)
          expect(state.spentUsd).toBe(result.spentUsd)
        },
      ),
      { numRuns: 60 },
    )
  })

  it('is the same whether applied once, in pieces, or replayed with overlaps', async () => {
    await fc.assert(
      fc.asyncProperty(dagArb, fc.array(fc.nat(), { maxLength: 8 }), async ({ doc }, cuts) => {
        const { events } = await planAndRun(doc, {
          cache: createMemoryCache(),
          journal: createMemoryJournal(),
          services: createTestServices(),
        })
        const once = foldRunEvents(events)
        // A page that reconnects: each piece replays from an earlier event than it had seen.
        let pieced = emptyRunState(RUN)
        for (const cut of cuts) {
          const from = cut % (pieced.lastSeq + 1)
          pieced = foldRunEvents(events.slice(from, from + 1 + (cut % 7)), pieced)
        }
        pieced = foldRunEvents(events, pieced)
        expect(pieced).toEqual(once)
        expect(foldRunEvents(events, once)).toBe(once)
      }),
      { numRuns: 60 },
    )
  })

  it('reports a paid submit’s price as spent while the run is still going', async () => {
    const doc = testDocument(
      [
        { id: 'job', type: 'job', position: [0, 0], params: { prompt: 'p' } },
        { id: 'after', type: 'step', position: [0, 0], params: { label: 'after' } },
      ],
      [edge('job', 'after')],
    )
    const services = createTestServices()
    services.wait = async () => {
      throw new Error('broke')
    }
    const { events, result } = await planAndRun(doc, {
      cache: createMemoryCache(),
      journal: createMemoryJournal(),
      ledger: createMemoryLedger(),
      services,
    })
    const submitted = events.findIndex((e) => e.type === 'node-submitted')
    expect(foldRunEvents(events.slice(0, submitted + 1)).spentUsd).toBe(0.42)
    expect(foldRunEvents(events)).toMatchObject({ status: 'failed', spentUsd: result.spentUsd })
  })
})
