import { describe, expect, it, vi } from 'vitest'
import { createMemoryCache } from '../cache/cache-store.ts'
import { createMemoryJournal } from '../journal/journal.ts'
import { planRun } from '../plan/plan-run.ts'
import { createMemoryLedger } from '../spend/spend-ledger.ts'
import { SubmitBudget } from '../spend/submit-budget.ts'
import { createTestClock, createTestRegistry, testDocument } from '../testing/fixtures.ts'
import type { RunEventBody } from './events.ts'
import { NodeContext } from './node-context.ts'

const doc = testDocument(
  [{ id: 'shot', type: 'job', position: [0, 0], params: { prompt: 'sea' } }],
  [],
)

/** The context run-2 hands node `shot` when it resumes `req-1`, over a journal the test fills. */
function setUp() {
  const journal = createMemoryJournal()
  const planned = planRun(doc, createTestRegistry(), { cache: createMemoryCache(), journal })
  if (!planned.ok) throw new Error('the test document does not plan')
  const node = planned.plan.nodes[0]
  if (node === undefined) throw new Error('the plan has no node')
  const events: RunEventBody[] = []
  const context = new NodeContext(node, {}, 'req-1', {
    runId: 'run-2',
    now: createTestClock(),
    journal,
    budget: new SubmitBudget(createMemoryLedger(), 'run-2', undefined),
    services: undefined,
    signal: new AbortController().signal,
    emit: (event) => events.push(event),
  })
  const holds = (runId: string, requestId?: string) => {
    journal.begin(node.cacheKey, { nodeId: 'shot', runId, at: 1 })
    if (requestId !== undefined) journal.record(node.cacheKey, requestId, 2)
  }
  return { journal, key: node.cacheKey, context, events, holds }
}

describe('ctx.submit replacing a dead request', () => {
  it('forgets the request it names and journals the new one in its place', async () => {
    const { journal, key, context, events, holds } = setUp()
    holds('run-1', 'req-1')
    const requestId = await context.submit(async () => 'req-2', { replacing: 'req-1' })
    expect(requestId).toBe('req-2')
    expect(journal.get(key)).toMatchObject({
      state: 'submitted',
      requestId: 'req-2',
      runId: 'run-2',
    })
    expect(events).toEqual([
      { type: 'node-submitted', nodeId: 'shot', costUsd: 0.42, requestId: 'req-2' },
    ])
  })

  it('joins the request another run already made in its place, without paying again', async () => {
    const { journal, key, context, events, holds } = setUp()
    holds('run-3', 'req-9')
    const send = vi.fn(async () => 'req-2')
    expect(await context.submit(send, { replacing: 'req-1' })).toBe('req-9')
    expect(send).not.toHaveBeenCalled()
    expect(journal.get(key)).toMatchObject({
      state: 'submitted',
      requestId: 'req-9',
      runId: 'run-3',
    })
    expect(events).toEqual([])
  })

  it('refuses while another run is submitting in its place, leaving its claim', async () => {
    const { journal, key, context, holds } = setUp()
    holds('run-3')
    const send = vi.fn(async () => 'req-2')
    await expect(context.submit(send, { replacing: 'req-1' })).rejects.toMatchObject({
      code: 'ambiguous-submit',
      nodeId: 'shot',
    })
    expect(send).not.toHaveBeenCalled()
    expect(journal.get(key)).toMatchObject({ state: 'submitting', runId: 'run-3' })
  })

  it('submits as usual when the journal no longer holds anything for the work', async () => {
    const { journal, key, context } = setUp()
    expect(await context.submit(async () => 'req-2', { replacing: 'req-1' })).toBe('req-2')
    expect(journal.get(key)).toMatchObject({ state: 'submitted', requestId: 'req-2' })
  })
})
