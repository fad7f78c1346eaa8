import { describe, expect, it } from 'vitest'
import { sampleWorkflow } from '../testing/sample-workflow.ts'
import type { RunStore } from './sqlite-runs.ts'

const LEASE_MS = 6_000

/**
 * The behaviour every {@link RunStore}'s leases must have (SQLite's, PostgreSQL's). `open` gives
 * a fresh, empty store; `reopen`, when given, a second handle on the same storage (another
 * process), which must see the first one's leases.
 */
export function describeRunLeaseContract(
  name: string,
  open: () => { runs: RunStore; reopen?: () => RunStore; close?: () => void },
): void {
  const start = (runs: RunStore, id: string, createdAt = 1) =>
    runs.create({
      id,
      workflowId: 'w1',
      doc: sampleWorkflow('Shots', 'a cat'),
      targets: undefined,
      estimateUsd: 0,
      createdAt,
    })

  describe(`${name} (run lease contract)`, () => {
    it('gives a running run to one owner until its lease runs out, then to another', () => {
      const { runs, close } = open()
      start(runs, 'r1')
      expect(runs.claim('r1', 'a', LEASE_MS, 1_000)).toBe(true)
      expect(runs.claim('r1', 'b', LEASE_MS, 1_000 + LEASE_MS - 1)).toBe(false)
      // Claiming again is renewing for the owner itself.
      expect(runs.claim('r1', 'a', LEASE_MS, 2_000)).toBe(true)
      expect(runs.claim('r1', 'b', LEASE_MS, 2_000 + LEASE_MS)).toBe(true)
      expect(runs.renew('r1', 'a', LEASE_MS, 2_000 + LEASE_MS)).toBe(false)
      expect(runs.renew('r1', 'b', LEASE_MS, 9_000)).toBe(true)
      expect(runs.claim('r1', 'a', LEASE_MS, 9_000 + LEASE_MS - 1)).toBe(false)
      close?.()
    })

    it('lists as claimable the running runs nobody holds a live lease on, oldest first', () => {
      const { runs, close } = open()
      start(runs, 'new', 3)
      start(runs, 'old', 1)
      start(runs, 'held', 2)
      start(runs, 'done', 0)
      runs.finish('done', 'succeeded', 0, 5)
      runs.claim('held', 'a', LEASE_MS, 1_000)
      runs.claim('new', 'a', LEASE_MS, 1_000)
      runs.release('new', 'a')
      expect(runs.claimable(1_000).map((r) => r.id)).toEqual(['old', 'new'])
      expect(runs.claimable(1_000 + LEASE_MS).map((r) => r.id)).toEqual(['old', 'held', 'new'])
      close?.()
    })

    it('refuses leases on finished and unknown runs, and releases only its own', () => {
      const { runs, close } = open()
      start(runs, 'r1')
      runs.claim('r1', 'a', LEASE_MS, 1_000)
      runs.release('r1', 'b')
      expect(runs.claim('r1', 'b', LEASE_MS, 1_000)).toBe(false)
      runs.finish('r1', 'failed', 0, 2_000)
      expect(runs.renew('r1', 'a', LEASE_MS, 2_000)).toBe(false)
      expect(runs.claim('r1', 'b', LEASE_MS, 99_000)).toBe(false)
      expect(runs.claim('nope', 'a', LEASE_MS, 1_000)).toBe(false)
      expect(runs.renew('nope', 'a', LEASE_MS, 1_000)).toBe(false)
      expect(() => runs.release('nope', 'a')).not.toThrow()
      close?.()
    })

    it('hands a cancel asked for through any handle to the holder of the run', () => {
      const { runs, reopen, close } = open()
      const other = reopen?.() ?? runs
      start(runs, 'r1')
      start(runs, 'r2')
      runs.claim('r1', 'a', LEASE_MS, 1_000)
      runs.claim('r2', 'a', LEASE_MS, 1_000)
      expect(runs.cancelRequests('a')).toEqual([])
      expect(other.requestCancel('r1')).toBe(true)
      expect(runs.cancelRequests('a')).toEqual(['r1'])
      expect(runs.cancelRequests('b')).toEqual([])
      // Taken over, the request goes with the run.
      runs.claim('r1', 'b', LEASE_MS, 1_000 + LEASE_MS)
      expect(runs.cancelRequests('b')).toEqual(['r1'])
      runs.finish('r1', 'cancelled', 0, 9_000)
      expect(runs.cancelRequests('b')).toEqual([])
      expect(other.requestCancel('r1')).toBe(false)
      expect(other.requestCancel('nope')).toBe(false)
      close?.()
    })

    it('lets exactly one of two handles on the same storage take a free run', () => {
      const { runs, reopen, close } = open()
      if (reopen === undefined) return close?.()
      const other = reopen()
      start(runs, 'r1')
      const won = [runs.claim('r1', 'a', LEASE_MS, 1_000), other.claim('r1', 'b', LEASE_MS, 1_000)]
      expect(won).toEqual([true, false])
      expect(other.claimable(1_000)).toEqual([])
      expect(other.renew('r1', 'b', LEASE_MS, 1_500)).toBe(false)
      runs.release('r1', 'a')
      expect(other.claimable(1_500).map((r) => r.id)).toEqual(['r1'])
      close?.()
    })
  })
}
