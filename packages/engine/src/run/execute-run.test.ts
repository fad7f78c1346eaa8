import { ERROR_CODES, ShotchainError } from '@shotchain/errors'
import { describe, expect, it } from 'vitest'
import { createMemoryCache } from '../cache/cache-store.ts'
import { createMemoryJournal } from '../journal/journal.ts'
import {
  createTestServices,
  edge,
  planAndRun,
  stepNode,
  testDocument,
} from '../testing/fixtures.ts'
import type { RunEvent } from './events.ts'

const fresh = () => ({ cache: createMemoryCache(), journal: createMemoryJournal() })

/** a → b → c, and x on its own. */
const twoBranches = testDocument(
  [stepNode('a'), stepNode('b'), stepNode('c'), stepNode('x')],
  [edge('a', 'b'), edge('b', 'c')],
)

function typesOf(events: readonly RunEvent[], nodeId: string): string[] {
  return events.filter((e) => 'nodeId' in e && e.nodeId === nodeId).map((e) => e.type)
}

describe('executeRun', () => {
  it('passes outputs along edges and reports each node in order', async () => {
    const services = createTestServices()
    const { result, events } = await planAndRun(twoBranches, { ...fresh(), services })
    expect(result.status).toBe('succeeded')
    expect(result.outputs.get('c')).toEqual({ out: 'c:0(b:0(a:0()))' })
    expect(events[0]?.type).toBe('run-started')
    expect(events.at(-1)).toMatchObject({ type: 'run-finished', status: 'succeeded' })
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1))
    expect(typesOf(events, 'b')).toEqual(['node-queued', 'node-started', 'node-succeeded'])
  })

  it('isolates a failure: dependents are skipped with the reason, other branches finish', async () => {
    const services = createTestServices()
    services.failing.add('a')
    const { result, events } = await planAndRun(twoBranches, { ...fresh(), services })
    expect(result.status).toBe('failed')
    expect(result.errors).toEqual([{ code: 'server', message: 'a broke', nodeId: 'a' }])
    expect(result.outputs.has('x')).toBe(true)
    expect(services.started).not.toContain('b')
    const skipped = events.filter((e) => e.type === 'node-skipped')
    expect(skipped.map((e) => e.nodeId).sort()).toEqual(['b', 'c'])
    expect(skipped[0]).toMatchObject({ causeNodeId: 'a', reason: expect.stringContaining('"a"') })
    expect(result.counts).toEqual({ succeeded: 1, cached: 0, failed: 1, skipped: 2, cancelled: 0 })
  })

  it('cancels mid-run: the running node sees the signal, nothing else starts', async () => {
    const services = createTestServices()
    const controller = new AbortController()
    services.wait = (nodeId, signal) =>
      new Promise((_, reject) => {
        if (services.started.length === 1) setTimeout(() => controller.abort(), 5)
        signal.addEventListener('abort', () =>
          reject(new ShotchainError(ERROR_CODES.cancelled, 'stopped', { nodeId })),
        )
      })
    // a and x are both ready; with one slot, one runs and the other waits in the queue.
    const { result, events } = await planAndRun(twoBranches, {
      ...fresh(),
      services,
      limits: { fal: 1 },
      signal: controller.signal,
    })
    expect(result.status).toBe('cancelled')
    expect(services.started).toHaveLength(1)
    const running = services.started[0] as string
    const waiting = running === 'a' ? 'x' : 'a'
    expect(typesOf(events, running)).toEqual(['node-queued', 'node-started', 'node-cancelled'])
    expect(typesOf(events, waiting)).toEqual(['node-queued', 'node-cancelled'])
    expect(typesOf(events, 'c')).toEqual(['node-cancelled'])
    expect(result.counts.cancelled).toBe(4)
  })

  it('fails a node whose job was cancelled elsewhere, and the run with it', async () => {
    const services = createTestServices()
    services.wait = (nodeId) =>
      Promise.reject(
        new ShotchainError(ERROR_CODES.cancelled, 'fal reports it cancelled', { nodeId }),
      )
    const { result, events } = await planAndRun(twoBranches, { ...fresh(), services })
    expect(result.status).toBe('failed')
    const first = services.started[0] as string
    expect(typesOf(events, first).at(-1)).toBe('node-failed')
    expect(result.counts.cancelled).toBe(0)
  })

  it('keeps a result that arrives after cancel: it was paid for', async () => {
    const services = createTestServices()
    const controller = new AbortController()
    services.wait = async () => {
      controller.abort()
    }
    const cache = createMemoryCache()
    const { result } = await planAndRun(
      testDocument([stepNode('a'), stepNode('b')], [edge('a', 'b')]),
      {
        cache,
        journal: createMemoryJournal(),
        services,
        signal: controller.signal,
      },
    )
    expect(result.status).toBe('cancelled')
    expect(result.outputs.has('a')).toBe(true)
    expect(services.started).toEqual(['a'])
    expect(cache.size).toBe(1)
  })

  it('refuses to start anything when the signal is already aborted', async () => {
    const services = createTestServices()
    const controller = new AbortController()
    controller.abort()
    const { result } = await planAndRun(twoBranches, {
      ...fresh(),
      services,
      signal: controller.signal,
    })
    expect(result.status).toBe('cancelled')
    expect(services.started).toEqual([])
  })

  it('hands list inputs their values in edge order', async () => {
    const doc = testDocument(
      [
        stepNode('p', { n: 1 }),
        stepNode('q', { n: 2 }),
        stepNode('r', { n: 3 }),
        { id: 'j', type: 'join', position: [0, 0], params: {} },
      ],
      [edge('r', 'j', 'clips', 0), edge('p', 'j', 'clips', 2), edge('q', 'j', 'clips', 1)],
    )
    const { result } = await planAndRun(doc, { ...fresh(), services: createTestServices() })
    expect(result.outputs.get('j')).toEqual({ out: 'r:3()+q:2()+p:1()' })
  })

  it('runs identical work once per run and gives both nodes the result', async () => {
    const doc = testDocument(
      [stepNode('a'), stepNode('twin', { label: 'a' }), stepNode('b')],
      [edge('a', 'b')],
    )
    const services = createTestServices()
    const { plan, result, events } = await planAndRun(doc, { ...fresh(), services })
    expect(plan.estimate).toMatchObject({ run: 2, reused: 1 })
    expect(services.started.sort()).toEqual(['a', 'b'])
    expect(result.outputs.get('twin')).toEqual(result.outputs.get('a'))
    expect(events.find((e) => e.type === 'node-cached')).toMatchObject({
      nodeId: 'twin',
      reuseOf: 'a',
    })
  })

  it('fails a node that returns without one of its outputs, naming the output', async () => {
    const services = createTestServices()
    services.forgetful.add('a')
    const stores = fresh()
    const { result } = await planAndRun(testDocument([stepNode('a')], []), { ...stores, services })
    expect(result.status).toBe('failed')
    expect(result.errors[0]).toMatchObject({ code: 'internal', nodeId: 'a', field: 'out' })
    expect(stores.cache.size).toBe(0)
  })

  it('counts every submit toward money spent, never what came from the cache', async () => {
    const doc = testDocument(
      [
        { id: 'a', type: 'job', position: [0, 0], params: { prompt: 'a' } },
        { id: 'b', type: 'job', position: [0, 0], params: { prompt: 'b' } },
      ],
      [],
    )
    const stores = fresh()
    const first = await planAndRun(doc, { ...stores, services: createTestServices() })
    expect(first.plan.estimate.usd).toBe(0.84)
    expect(first.result.spentUsd).toBe(0.84)
    const second = await planAndRun(doc, { ...stores, services: createTestServices() })
    expect(second.plan.estimate.usd).toBe(0)
    expect(second.result.spentUsd).toBe(0)
  })

  it('reads a provider field name in a node error as the node’s own field', async () => {
    const services = createTestServices()
    services.provider.waitError = new ShotchainError(ERROR_CODES.validation, 'fal refused', {
      field: 'prompt_text',
      requestEnded: true,
    })
    const doc = testDocument([{ id: 'a', type: 'job', position: [0, 0], params: {} }], [])
    const { result, events } = await planAndRun(doc, { ...fresh(), services })
    expect(result.errors).toMatchObject([{ nodeId: 'a', field: 'prompt' }])
    expect(events.find((e) => e.type === 'node-failed')).toMatchObject({
      error: { field: 'prompt' },
    })
  })
})
