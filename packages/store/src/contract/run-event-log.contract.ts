import { describe, expect, it } from 'vitest'
import type { Store } from '../store.ts'
import { sampleWorkflow } from '../testing/sample-workflow.ts'
import type { OpenTestStore } from './test-stores.ts'

function startRun(store: Store, id: string) {
  store.runs.create({
    id,
    workflowId: 'w1',
    doc: sampleWorkflow(),
    targets: undefined,
    estimateUsd: 0,
    createdAt: 0,
  })
}

/** The behaviour every store's {@link Store.events} must have, reopen included. */
export function describeRunEventLog(name: string, open: OpenTestStore): void {
  describe(`${name} run events`, () => {
    it('replays a run’s events after a seq, in order, across a reopen', () => {
      const { store, reopen, close } = open()
      startRun(store, 'r1')
      startRun(store, 'r2')
      expect(store.events.lastSeq('r1')).toBe(0)
      store.events.append('r1', 1, { type: 'run-started' })
      store.events.append('r2', 1, { type: 'other run' })
      store.events.append('r1', 2, { type: 'node', nodeId: 'shot1', progress: [0.5] })
      store.events.append('r1', 3, 'done')
      close()

      const reopened = reopen()
      expect(reopened.events.lastSeq('r1')).toBe(3)
      expect(reopened.events.after('r1', 0).map((e) => e.seq)).toEqual([1, 2, 3])
      expect(reopened.events.after('r1', 1)).toEqual([
        { seq: 2, event: { type: 'node', nodeId: 'shot1', progress: [0.5] } },
        { seq: 3, event: 'done' },
      ])
      expect(reopened.events.after('r1', 3)).toEqual([])
      expect(reopened.events.after('r2', 0)).toEqual([{ seq: 1, event: { type: 'other run' } }])
    })

    it('refuses a duplicate seq and keeps the first event', () => {
      const { store } = open()
      startRun(store, 'r1')
      store.events.append('r1', 1, { n: 'first' })
      expect(() => store.events.append('r1', 1, { n: 'second' })).toThrow(
        expect.objectContaining({ code: 'internal' }),
      )
      expect(store.events.after('r1', 0)).toEqual([{ seq: 1, event: { n: 'first' } }])
    })

    it('refuses events of unknown runs, bad seqs and values that are not JSON', () => {
      const { store } = open()
      startRun(store, 'r1')
      const internal = expect.objectContaining({ code: 'internal' })
      expect(() => store.events.append('nope', 1, {})).toThrow(internal)
      expect(() => store.events.append('r1', 0, {})).toThrow(internal)
      expect(() => store.events.append('r1', 1.5, {})).toThrow(internal)
      expect(() => store.events.append('r1', 1, undefined)).toThrow(internal)
      expect(() => store.events.append('r1', 1, { big: 1n })).toThrow(internal)
      expect(store.events.lastSeq('r1')).toBe(0)
    })
  })
}
