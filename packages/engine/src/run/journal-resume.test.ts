import { ERROR_CODES, ShotchainError } from '@shotchain/errors'
import { describe, expect, it } from 'vitest'
import { createMemoryCache } from '../cache/cache-store.ts'
import { createMemoryJournal } from '../journal/journal.ts'
import { createTestServices, planAndRun, testDocument } from '../testing/fixtures.ts'

const doc = testDocument(
  [{ id: 'shot', type: 'job', position: [0, 0], params: { prompt: 'sea' } }],
  [],
)

function setUp() {
  return {
    cache: createMemoryCache(),
    journal: createMemoryJournal(),
    services: createTestServices(),
  }
}

describe('the journal of paid requests', () => {
  it('re-attaches a resumed run to the request a killed run paid for', async () => {
    const stores = setUp()
    stores.services.provider.hold = true
    // The first run submits, then dies while waiting: its promise is simply abandoned.
    void planAndRun(doc, stores)
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(stores.journal.get(stores.journal.list()[0]?.key ?? '')).toMatchObject({
      state: 'submitted',
      requestId: 'req-1',
    })

    stores.services.provider.hold = false
    const { plan, result, events } = await planAndRun(doc, stores)
    // At most $0.42: only if the provider reported req-1 dead would it be submitted again.
    expect(plan.estimate).toMatchObject({ usd: 0.42, resumedUsd: 0.42, resumed: 1, run: 1 })
    expect(result.spentUsd).toBe(0)
    expect(events.find((e) => e.type === 'node-started')).toMatchObject({
      resumeRequestId: 'req-1',
    })
    expect(result.outputs.get('shot')).toEqual({ out: 'req-1:sea' })
    expect(stores.services.provider.submitted).toEqual(['shot'])
    expect(stores.services.provider.attached).toEqual(['req-1'])
    expect(stores.journal.list()).toEqual([])
  })

  it('submits again in place of a resumed request the provider reports cancelled', async () => {
    const stores = setUp()
    stores.services.provider.hold = true
    void planAndRun(doc, stores)
    await new Promise((resolve) => setTimeout(resolve, 0))
    stores.services.provider.hold = false
    stores.services.provider.dead.add('req-1')

    const { plan, result, events } = await planAndRun(doc, stores)
    expect(plan.estimate.usd).toBe(0.42)
    expect(result.status).toBe('succeeded')
    expect(result.outputs.get('shot')).toEqual({ out: 'req-2:sea' })
    // The run paid for req-2 in req-1's place, and says so.
    expect(result.spentUsd).toBe(0.42)
    expect(stores.services.provider.submitted).toEqual(['shot', 'shot'])
    expect(events.filter((e) => e.type === 'node-submitted')).toMatchObject([
      { nodeId: 'shot', requestId: 'req-2' },
    ])
    expect(stores.journal.list()).toEqual([])
  })

  it('records the request id in the event stream once the submit is accepted', async () => {
    const stores = setUp()
    const { events } = await planAndRun(doc, stores)
    expect(events.find((e) => e.type === 'node-submitted')).toMatchObject({
      nodeId: 'shot',
      requestId: 'req-1',
    })
  })

  it('never resubmits an ambiguous submit on its own; a person can choose to', async () => {
    const stores = setUp()
    stores.services.provider.submitError = new ShotchainError(
      ERROR_CODES.ambiguousSubmit,
      'the connection dropped after the submit was sent',
    )
    const first = await planAndRun(doc, stores)
    expect(first.result.errors[0]?.code).toBe('ambiguous-submit')
    expect(stores.journal.list()).toMatchObject([{ state: 'submitting', nodeId: 'shot' }])

    const second = await planAndRun(doc, stores)
    expect(second.plan.estimate.needsDecision).toBe(1)
    expect(second.result.errors[0]).toMatchObject({ code: 'ambiguous-submit', nodeId: 'shot' })
    expect(stores.services.provider.submitted).toEqual([])

    const third = await planAndRun(doc, { ...stores, resubmit: new Set(['shot']) })
    expect(third.result.status).toBe('succeeded')
    expect(third.result.spentUsd).toBe(0.42)
    expect(stores.services.provider.submitted).toEqual(['shot'])
  })

  it('forgets a submit the provider refused: nothing was paid, the next run submits afresh', async () => {
    const stores = setUp()
    stores.services.provider.submitError = new ShotchainError(
      ERROR_CODES.validation,
      'prompt is empty',
      {
        field: 'prompt',
      },
    )
    const first = await planAndRun(doc, stores)
    expect(first.result.errors[0]).toMatchObject({ code: 'validation', field: 'prompt' })
    expect(stores.journal.list()).toEqual([])
    const second = await planAndRun(doc, stores)
    expect(second.result.status).toBe('succeeded')
  })

  it('keeps a request whose wait failed on a passing error, and re-attaches next time', async () => {
    const stores = setUp()
    stores.services.provider.waitError = new ShotchainError(
      ERROR_CODES.network,
      'connection reset',
      {
        retryable: true,
      },
    )
    const first = await planAndRun(doc, stores)
    expect(first.result.status).toBe('failed')
    expect(stores.journal.list()).toMatchObject([{ state: 'submitted', requestId: 'req-1' }])
    const second = await planAndRun(doc, stores)
    expect(second.result.status).toBe('succeeded')
    expect(stores.services.provider.submitted).toEqual(['shot'])
    expect(stores.services.provider.attached).toEqual(['req-1'])
  })

  it('keeps a paid request journaled when the run is cancelled while waiting', async () => {
    const stores = setUp()
    stores.services.provider.hold = true
    stores.services.provider.abortable = true
    const controller = new AbortController()
    const cancelled = await (async () => {
      const running = planAndRun(doc, { ...stores, signal: controller.signal })
      await new Promise((resolve) => setTimeout(resolve, 0))
      controller.abort()
      return running
    })()
    expect(cancelled.result.status).toBe('cancelled')
    expect(stores.journal.list()).toMatchObject([{ state: 'submitted', requestId: 'req-1' }])
    stores.services.provider.hold = false
    const next = await planAndRun(doc, stores)
    expect(next.result.status).toBe('succeeded')
    expect(stores.services.provider.submitted).toEqual(['shot'])
    expect(stores.services.provider.attached).toEqual(['req-1'])
  })
})
