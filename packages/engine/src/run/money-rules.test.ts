import { ERROR_CODES, ShotchainError } from '@shotchain/errors'
import { describe, expect, it } from 'vitest'
import { createMemoryCache } from '../cache/cache-store.ts'
import { createMemoryJournal } from '../journal/journal.ts'
import { createMemoryLedger } from '../spend/spend-ledger.ts'
import { createTestServices, planAndRun, testDocument } from '../testing/fixtures.ts'

const shot = (id: string, prompt = id) => ({
  id,
  type: 'job',
  position: [0, 0] as [number, number],
  params: { prompt },
})
const oneShot = testDocument([shot('shot', 'sea')], [])
const twoShots = testDocument([shot('a'), shot('b')], [])

function setUp() {
  return {
    cache: createMemoryCache(),
    journal: createMemoryJournal(),
    ledger: createMemoryLedger(),
    services: createTestServices(),
  }
}

describe('a paid request stays journaled until its result is cached', () => {
  const afterPaying = [
    ['a download that failed', new ShotchainError(ERROR_CODES.notFound, 'CDN answered 404')],
    [
      'a 5xx on its result',
      new ShotchainError(ERROR_CODES.server, 'HTTP 503', { retryable: true }),
    ],
    ['an error without a code', new Error('ffmpeg could not read the clip')],
    ['a refusal that names no request', new ShotchainError(ERROR_CODES.validation, 'bad clip')],
  ] as const
  for (const [what, error] of afterPaying) {
    it(`after ${what}: the next run re-attaches and pays nothing`, async () => {
      const stores = setUp()
      stores.services.provider.waitError = error
      const failed = await planAndRun(oneShot, stores)
      expect(failed.result.status).toBe('failed')
      expect(stores.journal.list()).toMatchObject([{ state: 'submitted', requestId: 'req-1' }])

      const again = await planAndRun(oneShot, { ...stores, runId: 'run-2' })
      expect(again.result.status).toBe('succeeded')
      expect(stores.services.provider.submitted).toEqual(['shot'])
      expect(stores.services.provider.attached).toEqual(['req-1'])
      expect(stores.journal.list()).toEqual([])
    })
  }

  it('lets go only on the provider’s final word that the request ended without a result', async () => {
    const stores = setUp()
    stores.services.provider.waitError = new ShotchainError(
      ERROR_CODES.validation,
      'fal refused the input',
      { requestEnded: true },
    )
    await planAndRun(oneShot, stores)
    expect(stores.journal.list()).toEqual([])
  })

  it('submits again over a kept request only when a person chooses to', async () => {
    const stores = setUp()
    stores.services.provider.waitError = new ShotchainError(ERROR_CODES.notFound, 'CDN 404')
    await planAndRun(oneShot, stores)
    const resubmit = new Set(['shot'])
    const again = await planAndRun(oneShot, { ...stores, runId: 'run-2', resubmit })
    expect(again.plan.estimate).toMatchObject({ usd: 0.42, resumed: 0 })
    expect(again.result.spentUsd).toBe(0.42)
    expect(stores.services.provider.submitted).toEqual(['shot', 'shot'])
  })
})

describe('spend is recorded where it happens', () => {
  it('counts a submit whose node then failed', async () => {
    const stores = setUp()
    stores.services.provider.waitError = new Error('download failed')
    const { result, events } = await planAndRun(oneShot, stores)
    expect(result.status).toBe('failed')
    expect(result.spentUsd).toBe(0.42)
    expect(events.find((e) => e.type === 'run-finished')).toMatchObject({ spentUsd: 0.42 })
    expect(stores.ledger.list('run-1')).toMatchObject([
      { nodeId: 'shot', requestId: 'req-1', usd: 0.42 },
    ])
  })

  it('counts a submit that may have reached the provider although its id was lost', async () => {
    const stores = setUp()
    stores.services.provider.submitError = new ShotchainError(
      ERROR_CODES.ambiguousSubmit,
      'the connection broke while submitting',
    )
    const { result } = await planAndRun(oneShot, stores)
    expect(result.spentUsd).toBe(0.42)
    expect(stores.ledger.list('run-1')).toMatchObject([{ nodeId: 'shot', usd: 0.42 }])
    expect(stores.ledger.list('run-1')[0]?.requestId).toBeUndefined()
  })

  it('counts nothing for a submit that surely sent nothing', async () => {
    const stores = setUp()
    stores.services.provider.submitError = new ShotchainError(ERROR_CODES.network, 'refused')
    const { result } = await planAndRun(oneShot, stores)
    expect(result.spentUsd).toBe(0)
    expect(stores.ledger.spentBy('run-1')).toBe(0)
  })
})

describe('the budget is enforced at each submit', () => {
  it('refuses the submit that would pass it, sending nothing and journaling nothing', async () => {
    const stores = setUp()
    const { result, events } = await planAndRun(twoShots, {
      ...stores,
      budgetUsd: 0.5,
      limits: { fal: 1 },
    })
    expect(stores.services.provider.submitted).toEqual(['a'])
    expect(result.errors).toMatchObject([{ code: 'over-budget', nodeId: 'b' }])
    expect(result.errors[0]?.message).toMatch(/\$0\.84, over its budget of \$0\.50/)
    expect(events.find((e) => e.type === 'run-finished')).toMatchObject({ spentUsd: 0.42 })
    expect(stores.journal.list()).toEqual([])
  })

  it('holds a submit in flight, so two at once cannot both fit under the limit', async () => {
    const stores = setUp()
    stores.services.provider.hold = true
    stores.services.provider.abortable = true
    const controller = new AbortController()
    const running = planAndRun(twoShots, {
      ...stores,
      budgetUsd: 0.5,
      limits: { fal: 2 },
      signal: controller.signal,
    })
    await new Promise((resolve) => setTimeout(resolve, 0))
    controller.abort()
    const { result } = await running
    expect(stores.services.provider.submitted).toHaveLength(1)
    expect(result.spentUsd).toBe(0.42)
  })

  it('counts what earlier executions of the same run recorded', async () => {
    const stores = setUp()
    stores.ledger.record({ runId: 'run-1', nodeId: 'x', cacheKey: 'k', usd: 0.42, at: 1 })
    const { result } = await planAndRun(oneShot, { ...stores, budgetUsd: 0.5 })
    expect(result.errors).toMatchObject([{ code: 'over-budget', nodeId: 'shot' }])
    expect(stores.services.provider.submitted).toEqual([])
  })
})
