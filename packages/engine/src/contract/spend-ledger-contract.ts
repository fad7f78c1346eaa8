import { describe, expect, it } from 'vitest'
import type { SpendLedger } from '../spend/spend-ledger.ts'

/**
 * The behaviour every {@link SpendLedger} must have. `reopen`, when given, opens the same storage
 * again, as a restarted process would: a ledger that does not survive it must not pass.
 */
export function describeSpendLedgerContract(
  name: string,
  create: () => { ledger: SpendLedger; reopen?: () => SpendLedger; close?: () => void },
): void {
  describe(`${name} (spend ledger contract)`, () => {
    const paid = { runId: 'r1', nodeId: 'shot1', cacheKey: 'k1', requestId: 'req-1', usd: 0.42 }

    it('sums a run’s records, and only that run’s', () => {
      const { ledger, close } = create()
      ledger.record({ ...paid, at: 1 })
      ledger.record({ ...paid, nodeId: 'shot2', cacheKey: 'k2', requestId: 'req-2', at: 2 })
      ledger.record({ ...paid, runId: 'r2', requestId: 'req-3', at: 3 })
      expect(ledger.spentBy('r1')).toBe(0.84)
      expect(ledger.spentBy('r2')).toBe(0.42)
      expect(ledger.spentBy('none')).toBe(0)
      close?.()
    })

    it('lists a run’s records in order, a lost request id included', () => {
      const { ledger, close } = create()
      ledger.record({ ...paid, at: 5 })
      const { requestId: _, ...lost } = paid
      ledger.record({ ...lost, nodeId: 'shot2', at: 6 })
      expect(ledger.list('r1')).toEqual([
        { ...paid, at: 5 },
        { ...lost, nodeId: 'shot2', at: 6 },
      ])
      close?.()
    })

    it('keeps the same submit twice when it was made twice', () => {
      const { ledger, close } = create()
      ledger.record({ ...paid, at: 1 })
      ledger.record({ ...paid, at: 1 })
      expect(ledger.spentBy('r1')).toBe(0.84)
      close?.()
    })

    it('finds what a request cost, whichever run paid for it', () => {
      const { ledger, close } = create()
      ledger.record({ ...paid, at: 1 })
      expect(ledger.ofRequest('req-1')).toEqual([{ ...paid, at: 1 }])
      expect(ledger.ofRequest('req-9')).toEqual([])
      close?.()
    })

    it('adds up to the cent without float drift', () => {
      const { ledger, close } = create()
      for (let i = 0; i < 10; i++) ledger.record({ ...paid, usd: 0.1, at: i })
      expect(ledger.spentBy('r1')).toBe(1)
      close?.()
    })

    it('survives a restart', () => {
      const { ledger, reopen, close } = create()
      if (reopen === undefined) return
      ledger.record({ ...paid, at: 1 })
      close?.()
      expect(reopen().spentBy('r1')).toBe(0.42)
    })
  })
}
