import { describe, expect, it } from 'vitest'
import type { Journal } from '../journal/journal.ts'

/**
 * The behaviour every {@link Journal} must have. `reopen`, when given, opens the same storage
 * again, as a restarted process would: a journal that does not survive it must not pass.
 */
export function describeJournalContract(
  name: string,
  create: () => { journal: Journal; reopen?: () => Journal; close?: () => void },
): void {
  describe(`${name} (journal contract)`, () => {
    const info = { nodeId: 'shot1', runId: 'r1', at: 10 }

    it('holds a begun submit as submitting, with who began it', () => {
      const { journal, close } = create()
      journal.begin('k', info)
      expect(journal.get('k')).toEqual({ key: 'k', state: 'submitting', ...info })
      close?.()
    })

    it('turns it into submitted with the request id', () => {
      const { journal, close } = create()
      journal.begin('k', info)
      journal.record('k', 'req-7', 11)
      expect(journal.get('k')).toEqual({
        key: 'k',
        state: 'submitted',
        requestId: 'req-7',
        nodeId: 'shot1',
        runId: 'r1',
        at: 11,
      })
      expect(journal.list()).toHaveLength(1)
      close?.()
    })

    it('lets exactly one claim of a key win, leaving the first entry as it was', () => {
      const { journal, close } = create()
      expect(journal.begin('k', info)).toBe(true)
      journal.record('k', 'req-1', 11)
      expect(journal.begin('k', { ...info, runId: 'r2' })).toBe(false)
      expect(journal.get('k')).toMatchObject({
        state: 'submitted',
        requestId: 'req-1',
        runId: 'r1',
      })
      close?.()
    })

    it('refuses to record a request id for a submit never begun', () => {
      const { journal, close } = create()
      expect(() => journal.record('never', 'req-1', 1)).toThrow()
      close?.()
    })

    it('forgets a cleared key', () => {
      const { journal, close } = create()
      journal.begin('k', info)
      journal.clear('k')
      expect(journal.get('k')).toBeUndefined()
      expect(journal.list()).toEqual([])
      close?.()
    })

    it('clears a submitted request by its id, and only that request', () => {
      const { journal, close } = create()
      journal.begin('k', info)
      journal.record('k', 'req-1', 11)
      expect(journal.clearIf('k', 'req-other')).toBe(false)
      expect(journal.get('k')).toMatchObject({ state: 'submitted', requestId: 'req-1' })
      expect(journal.clearIf('k', 'req-1')).toBe(true)
      expect(journal.get('k')).toBeUndefined()
      expect(journal.clearIf('k', 'req-1')).toBe(false)
      expect(journal.begin('k', { ...info, runId: 'r2' })).toBe(true)
      close?.()
    })

    it('keeps a newer claim when a dead request it replaced is cleared late', () => {
      const { journal, close } = create()
      journal.begin('k', info)
      journal.record('k', 'req-1', 11)
      // Another run replaced req-1 first: its claim, then its request, must survive.
      expect(journal.clearIf('k', 'req-1')).toBe(true)
      journal.begin('k', { ...info, runId: 'r2', at: 12 })
      expect(journal.clearIf('k', 'req-1')).toBe(false)
      expect(journal.get('k')).toMatchObject({ state: 'submitting', runId: 'r2' })
      journal.record('k', 'req-2', 13)
      expect(journal.clearIf('k', 'req-1')).toBe(false)
      expect(journal.get('k')).toMatchObject({
        state: 'submitted',
        requestId: 'req-2',
        runId: 'r2',
      })
      expect(journal.clearIf('other', 'req-2')).toBe(false)
      close?.()
    })

    it('survives a restart', () => {
      const { journal, reopen, close } = create()
      if (reopen === undefined) return
      journal.begin('a', info)
      journal.begin('b', { ...info, nodeId: 'shot2' })
      journal.record('b', 'req-2', 12)
      close?.()
      const again = reopen()
      expect(again.get('a')?.state).toBe('submitting')
      expect(again.get('b')).toMatchObject({ state: 'submitted', requestId: 'req-2' })
    })
  })
}
