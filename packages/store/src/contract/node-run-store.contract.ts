import { describe, expect, it } from 'vitest'
import { sampleWorkflow } from '../testing/sample-workflow.ts'
import type { OpenTestStore } from './test-stores.ts'

/** The behaviour every store's {@link Store.nodeRuns} must have, reopen included. */
export function describeNodeRunStore(name: string, open: OpenTestStore): void {
  describe(`${name} node runs`, () => {
    it('keeps the latest state per node, and a known request id when a later state omits it', () => {
      const { store, reopen, close } = open()
      const run = { workflowId: 'w1', doc: sampleWorkflow(), targets: undefined }
      store.runs.create({ id: 'r1', ...run, estimateUsd: 0, createdAt: 0 })
      store.nodeRuns.set('r1', 'shot1', { status: 'submitting', at: 1 })
      store.nodeRuns.set('r1', 'shot1', { status: 'submitted', requestId: 'req-1', at: 2 })
      store.nodeRuns.set('r1', 'prompt1', { status: 'done', at: 3 })
      const error = { code: 'fal_error', message: 'the model refused', field: 'prompt' }
      store.nodeRuns.set('r1', 'shot1', { status: 'failed', error, at: 4 })
      close()
      const again = reopen()
      expect(again.nodeRuns.list('r1')).toEqual([
        { nodeId: 'shot1', status: 'failed', requestId: 'req-1', error, updatedAt: 4 },
        { nodeId: 'prompt1', status: 'done', updatedAt: 3 },
      ])
      // A retry clears the old error; a new request id replaces the old one.
      again.nodeRuns.set('r1', 'shot1', { status: 'submitted', requestId: 'req-2', at: 5 })
      expect(again.nodeRuns.list('r1')[0]).toEqual({
        nodeId: 'shot1',
        status: 'submitted',
        requestId: 'req-2',
        updatedAt: 5,
      })
      expect(again.nodeRuns.list('other')).toEqual([])
    })

    it('refuses a node of an unknown run', () => {
      const { store } = open()
      expect(() => store.nodeRuns.set('nope', 'n', { status: 'done', at: 1 })).toThrow(
        expect.objectContaining({ code: 'internal' }),
      )
    })
  })
}
