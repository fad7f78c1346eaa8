import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type PaidChain, SHOTS, startPaidChain } from '../testing/paid-chain.ts'

// The fault suite: every fault between fal's COMPLETED and a clip safely in the media store, and
// the budget's edges. In every case each shot reaches fal exactly once over all runs.

let chain: PaidChain
beforeEach(async () => {
  chain = await startPaidChain()
}, 30_000)
afterEach(() => chain.close())

const onceEach = Object.fromEntries(SHOTS.map((shot) => [shot, 1]))

/** Runs until the chain is done (at most `runs` times); each shot must have been paid once. */
async function expectPaidOnce(runs: number) {
  let last = await chain.run()
  for (let i = 1; i < runs && last.result.status !== 'succeeded'; i++) last = await chain.run()
  expect(last.result.status).toBe('succeeded')
  expect(chain.submitsPerShot()).toEqual(onceEach)
  expect(chain.emulator.stats().totals.submits).toBe(SHOTS.length)
  expect(chain.store.journal.list()).toEqual([])
  return last
}

describe('a finished clip is never paid for twice', () => {
  const downloadFaults: [string, (number | 'cut')[]][] = [
    ['the CDN answers 503 for longer than the retries last', [503, 503, 503]],
    ['the CDN answers 404', [404]],
    ['the CDN answers 403', [403]],
    ['the CDN answers 429 for longer than the retries last', [429, 429, 429]],
    ['the body is cut short every time', ['cut', 'cut', 'cut']],
  ]
  for (const [what, answers] of downloadFaults) {
    it(`when ${what}: the next run re-attaches and downloads again`, async () => {
      chain.breakage.downloads.push(...answers)
      const first = await chain.run()
      expect(first.result.status).toBe('failed')
      expect(chain.store.journal.list()).toMatchObject([{ nodeId: 'shot1', state: 'submitted' }])
      await expectPaidOnce(2)
    }, 60_000)
  }

  it('when one download fails in passing: the run retries it and goes on', async () => {
    chain.breakage.downloads.push(503, 'cut')
    const { result } = await expectPaidOnce(1)
    expect(result.spentUsd).toBe(0.504)
  }, 60_000)

  it('when the last frame cannot be extracted: the next run re-attaches', async () => {
    chain.breakage.frameFailures = 1
    expect((await chain.run()).result.status).toBe('failed')
    await expectPaidOnce(2)
  }, 60_000)

  it('when fal answers 5xx on the result for longer than the wait’s patience', async () => {
    chain.emulator.configure({
      faultScript: [{ route: 'result', fault: 500, times: 1_000 }],
    })
    const first = await chain.run()
    expect(first.result.errors).toMatchObject([{ nodeId: 'shot1', code: 'server' }])
    chain.emulator.configure({ faultScript: [] })
    await expectPaidOnce(2)
  }, 60_000)
})

describe('spend is what was submitted, and the budget holds at every submit', () => {
  it('reports what a run paid although it then failed', async () => {
    chain.breakage.downloads.push(404)
    const { result, events } = await chain.run()
    expect(result.status).toBe('failed')
    expect(result.spentUsd).toBe(0.252)
    expect(events.at(-1)).toMatchObject({ type: 'run-finished', spentUsd: 0.252 })
    expect(chain.store.spends.spentBy('run-1')).toBe(0.252)
  }, 60_000)

  it('sums a run’s spend over its executions (a server restarted mid-run)', async () => {
    chain.breakage.downloads.push(404)
    await chain.run({ runId: 'run-1' })
    const again = await chain.run({ runId: 'run-1' })
    expect(again.result.status).toBe('succeeded')
    expect(again.result.spentUsd).toBe(0.252)
    expect(chain.store.spends.spentBy('run-1')).toBe(0.504)
  }, 60_000)

  it('refuses a chosen resubmit that would pass the budget, at the submit', async () => {
    chain.breakage.downloads.push(404)
    await chain.run()
    const { plan, result } = await chain.run({ resubmit: ['shot1'], budgetUsd: 0.1 })
    expect(plan.estimate.usd).toBe(0.504)
    expect(result.errors).toMatchObject([{ nodeId: 'shot1', code: 'over-budget' }])
    expect(chain.emulator.stats().totals.submits).toBe(1)
  }, 60_000)

  it('re-attaches to a job cancelled at fal that went on to finish, paying nothing more', async () => {
    const controller = new AbortController()
    // Cancelled while running: fal only signals the runner, and the job finishes (and bills).
    const first = await chain.run({
      signal: controller.signal,
      onEvent: (event) => {
        if (event.type === 'node-progress' && event.progress.status === 'running') {
          controller.abort()
        }
      },
    })
    expect(first.result.status).toBe('cancelled')
    const again = await chain.run({ budgetUsd: 0.3 })
    expect(again.plan.estimate).toMatchObject({ usd: 0.504, resumedUsd: 0.252 })
    expect(again.result.status).toBe('succeeded')
    expect(chain.submitsPerShot()).toEqual(onceEach)
  }, 60_000)

  it('refuses to replace a job fal really cancelled when the budget has no room for it', async () => {
    chain.emulator.configure({ immediateCancel: true })
    const controller = new AbortController()
    await chain.run({
      signal: controller.signal,
      onEvent: (event) => {
        if (event.type === 'node-submitted') controller.abort()
      },
    })
    const again = await chain.run({ budgetUsd: 0.05 })
    expect(again.result.errors).toMatchObject([{ nodeId: 'shot1', code: 'over-budget' }])
    expect(chain.emulator.stats().totals.submits).toBe(1)
  }, 60_000)
})
