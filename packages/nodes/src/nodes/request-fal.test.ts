import { ERROR_CODES, type ErrorCode, ShotchainError } from '@shotchain/errors'
import { describe, expect, it } from 'vitest'
import { abandonAfterSubmit, createTestStores, runWorkflow } from '../testing/run-workflow.ts'
import { chainWorkflow } from '../testing/workflows.ts'

const twoShots = () => chainWorkflow({ shots: 2 })

/** Stores where a killed run left shot1's request `req-1` journaled (shot2 never started). */
async function afterKilledRun() {
  const stores = createTestStores()
  await abandonAfterSubmit(twoShots(), stores)
  expect(stores.journal.list()).toMatchObject([{ requestId: 'req-1', nodeId: 'shot1' }])
  return stores
}

describe('a Kling shot whose resumed request fal calls dead', () => {
  it.each([
    [ERROR_CODES.cancelled, 'fal reports request req-1 cancelled'],
    [ERROR_CODES.notFound, 'fal no longer knows request req-1'],
  ])('is submitted once more, in its place, when fal answers %s', async (code, note) => {
    const stores = await afterKilledRun()
    const { fal } = stores.services
    const uploads = fal.urlOfCalls.length
    fal.waitError = new ShotchainError(code, `result of req-1: fal said ${code}`)

    const { result, events } = await runWorkflow(twoShots(), stores)
    expect(result.status).toBe('succeeded')
    // shot1: req-1 dead, req-2 in its place; shot2: req-3. Nothing else was paid for.
    expect(fal.jobs.map((j) => j.requestId)).toEqual(['req-1', 'req-2', 'req-3'])
    expect(fal.waits).toEqual(['req-1', 'req-1', 'req-2', 'req-3'])
    expect(fal.urlOfCalls[uploads]?.hash).toBe('image:start v1')
    expect(result.outputs.get('shot1')).toMatchObject({
      requestId: 'req-2',
      video: { hash: 'clip:req-2' },
    })
    const logs = events.flatMap((e) =>
      e.type === 'node-progress' && e.nodeId === 'shot1' ? (e.progress.logs ?? []) : [],
    )
    expect(logs).toContain(`${note}: submitted again as req-2`)
    expect(result.spentUsd).toBeCloseTo(2 * 0.42, 9)
    expect(stores.journal.list()).toEqual([])
  })

  it.each<[ErrorCode, boolean]>([
    [ERROR_CODES.server, true],
    [ERROR_CODES.timeout, true],
    [ERROR_CODES.network, true],
    [ERROR_CODES.rateLimited, true],
    [ERROR_CODES.server, false],
  ])('is never submitted again after a %s error (retryable: %s)', async (code, retryable) => {
    const stores = await afterKilledRun()
    const { fal } = stores.services
    fal.waitError = new ShotchainError(code, `status of req-1: fal said ${code}`, { retryable })

    const { result, events } = await runWorkflow(twoShots(), stores)
    expect(result.status).toBe('failed')
    expect(result.errors).toMatchObject([{ code, nodeId: 'shot1' }])
    expect(fal.jobs).toHaveLength(1)
    expect(events).toContainEqual(
      expect.objectContaining({ type: 'node-skipped', nodeId: 'shot2' }),
    )
    // A passing failure keeps the paid request for a later run to re-attach to.
    if (retryable) expect(stores.journal.list()).toMatchObject([{ requestId: 'req-1' }])
  })

  it('is not submitted again when the run itself is cancelled while waiting on it', async () => {
    const stores = await afterKilledRun()
    const { fal } = stores.services
    const uploads = fal.urlOfCalls.length
    fal.hold = true
    const cancel = new AbortController()
    const wait = fal.wait
    fal.wait = (endpoint, requestId, options) => {
      const waiting = wait(endpoint, requestId, options)
      cancel.abort()
      return waiting
    }

    const { result } = await runWorkflow(twoShots(), stores, { signal: cancel.signal })
    expect(result.status).toBe('cancelled')
    expect(fal.jobs).toHaveLength(1)
    expect(fal.waits).toEqual(['req-1', 'req-1'])
    expect(fal.urlOfCalls).toHaveLength(uploads)
    expect(stores.journal.list()).toMatchObject([{ state: 'submitted', requestId: 'req-1' }])
  })

  it('is a resumed request only: a job this run submitted that fal cancelled is not paid again', async () => {
    const stores = createTestStores()
    const { fal } = stores.services
    fal.waitError = new ShotchainError(ERROR_CODES.cancelled, 'result of req-1: fal said cancelled')
    const { result } = await runWorkflow(twoShots(), stores)
    expect(result.outputs.has('shot1')).toBe(false)
    expect(result.outputs.has('shot2')).toBe(false)
    expect(fal.jobs).toHaveLength(1)
  })

  it('is submitted once more when fal could not download an expired upload, re-uploading it', async () => {
    const stores = createTestStores()
    const { fal } = stores.services
    fal.waitError = new ShotchainError(
      ERROR_CODES.validation,
      'result of req-1: fal could not download start_image_url',
      { field: 'start_image_url', requestEnded: true, retryable: true },
    )
    const { result, events } = await runWorkflow(twoShots(), stores)
    expect(result.status).toBe('succeeded')
    expect(fal.jobs.map((j) => j.requestId)).toEqual(['req-1', 'req-2', 'req-3'])
    const logs = events.flatMap((e) =>
      e.type === 'node-progress' && e.nodeId === 'shot1' ? (e.progress.logs ?? []) : [],
    )
    expect(logs).toContain(
      'fal could not download an input of request req-1 (an expired upload): submitted again as req-2',
    )
    expect(stores.journal.list()).toEqual([])
  })

  it('is not submitted a third time when the replacement is refused the same way', async () => {
    const stores = createTestStores()
    const { fal } = stores.services
    const refusal = () =>
      new ShotchainError(ERROR_CODES.validation, 'fal could not download start_image_url', {
        requestEnded: true,
        retryable: true,
      })
    const { wait } = fal
    fal.wait = (endpoint, requestId, options) =>
      requestId === 'req-1' || requestId === 'req-2'
        ? Promise.reject(refusal())
        : wait(endpoint, requestId, options)
    const { result } = await runWorkflow(twoShots(), stores)
    expect(result.errors).toMatchObject([{ code: 'validation', nodeId: 'shot1' }])
    expect(fal.jobs).toHaveLength(2)
  })
})
