import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { RunEvent, RunEventBody } from '@shotchain/engine'
import { parseWorkflow } from '@shotchain/graph'
import { openStore, type Store } from '@shotchain/store'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createEventRecorder, nodesAwaitingDecision, type StoredEvent } from './record-event.ts'

let home: string
let store: Store

beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'shotchain-runs-'))
  store = openStore(home)
  const parsed = parseWorkflow({
    format: 'shotchain.workflow',
    version: 1,
    name: 'w',
    nodes: [],
    edges: [],
  })
  if (!parsed.ok) throw new Error('the empty workflow does not parse')
  store.runs.create({
    id: 'r1',
    workflowId: 'cli:/w.json',
    doc: parsed.doc,
    targets: undefined,
    estimateUsd: 0.84,
    createdAt: 0,
  })
})

afterEach(async () => {
  store.close()
  await rm(home, { recursive: true, force: true })
})

const stamp = (bodies: readonly RunEventBody[]): RunEvent[] =>
  bodies.map((body, k) => ({ ...body, runId: 'r1', seq: k + 1, at: 100 + k }) as RunEvent)

const counts = { succeeded: 1, cached: 0, failed: 1, skipped: 0, cancelled: 0 }

describe('createEventRecorder', () => {
  it('stores each node as the engine’s fold leaves it, after the run’s earlier events', () => {
    store.events.append('r1', 1, stamp([{ type: 'node-queued', nodeId: 'old' }])[0])
    const heard: StoredEvent[] = []
    const record = createEventRecorder({
      store,
      runId: 'r1',
      baseSeq: 1,
      publish: (_runId, stored) => heard.push(stored),
    })
    for (const event of stamp([
      { type: 'node-queued', nodeId: 'shot' },
      { type: 'node-started', nodeId: 'shot' },
      { type: 'node-submitted', nodeId: 'shot', requestId: 'req-1', costUsd: 0.42 },
      { type: 'node-progress', nodeId: 'shot', progress: { status: 'running' } },
      { type: 'node-succeeded', nodeId: 'shot', outputs: {}, costUsd: 0.42 },
    ]))
      record(event)
    expect(heard.map((h) => h.seq)).toEqual([2, 3, 4, 5, 6])
    expect(store.events.lastSeq('r1')).toBe(6)
    expect(store.nodeRuns.list('r1')).toEqual([
      { nodeId: 'shot', status: 'succeeded', requestId: 'req-1', updatedAt: 104 },
    ])
  })

  it('keeps a run open while a node waits for a person’s decision, else finishes it with the ledger’s sum', () => {
    const record = createEventRecorder({ store, runId: 'r1', baseSeq: 0 })
    store.spends.record({
      runId: 'r1',
      nodeId: 'shot',
      cacheKey: 'k',
      usd: 0.42,
      at: 1,
      requestId: 'req-1',
    })
    for (const event of stamp([
      {
        type: 'node-failed',
        nodeId: 'shot',
        error: { code: 'ambiguous-submit', message: 'may have reached fal', nodeId: 'shot' },
      },
      { type: 'run-finished', status: 'failed', spentUsd: 0, counts },
    ]))
      record(event)
    expect(nodesAwaitingDecision(store, 'r1')).toEqual(['shot'])
    expect(store.runs.get('r1')?.status).toBe('running')

    const again = createEventRecorder({ store, runId: 'r1', baseSeq: store.events.lastSeq('r1') })
    for (const event of stamp([
      { type: 'node-started', nodeId: 'shot', resumeRequestId: 'req-1' },
      { type: 'node-succeeded', nodeId: 'shot', outputs: {}, costUsd: 0 },
      { type: 'run-finished', status: 'succeeded', spentUsd: 0, counts },
    ]))
      again(event)
    expect(store.nodeRuns.list('r1')).toEqual([
      expect.objectContaining({ nodeId: 'shot', status: 'succeeded', requestId: 'req-1' }),
    ])
    expect(store.runs.get('r1')).toMatchObject({ status: 'succeeded', spentUsd: 0.42 })
  })
})
