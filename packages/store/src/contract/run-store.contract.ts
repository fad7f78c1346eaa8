import { describe, expect, it } from 'vitest'
import type { NewRun } from '../runs/sqlite-runs.ts'
import { sampleWorkflow } from '../testing/sample-workflow.ts'
import type { OpenTestStore } from './test-stores.ts'

const newRun = (id: string, createdAt: number, workflowId = 'w1'): NewRun => ({
  id,
  workflowId,
  doc: sampleWorkflow('Shots', 'a cat'),
  targets: undefined,
  estimateUsd: 1.25,
  createdAt,
})

/** The behaviour every store's {@link Store.runs} must have, reopen included. */
export function describeRunStore(name: string, open: OpenTestStore): void {
  describe(`${name} runs`, () => {
    it('starts a run as running and records how it ended', () => {
      const { store } = open()
      const created = store.runs.create({ ...newRun('r1', 10), targets: ['shot2'] })
      expect(created).toEqual({
        ...newRun('r1', 10),
        targets: ['shot2'],
        budgetUsd: undefined,
        status: 'running',
        spentUsd: undefined,
        finishedAt: undefined,
        resubmit: [],
      })
      expect(store.runs.get('r1')).toEqual(created)
      expect(store.runs.create({ ...newRun('r2', 11), budgetUsd: 0.5 }).budgetUsd).toBe(0.5)
      expect(store.runs.get('r2')?.budgetUsd).toBe(0.5)

      store.runs.finish('r1', 'succeeded', 0.75, 20)
      expect(store.runs.get('r1')).toMatchObject({
        status: 'succeeded',
        spentUsd: 0.75,
        finishedAt: 20,
      })
      // A later outcome (the runner failing after a cancel landed, say) does not replace the first.
      store.runs.finish('r1', 'failed', undefined, 30)
      expect(store.runs.get('r1')).toMatchObject({ status: 'succeeded', finishedAt: 20 })
      expect(() => store.runs.finish('nope', 'failed', undefined, 1)).toThrow(
        expect.objectContaining({ code: 'internal' }),
      )
      expect(() => store.runs.create(newRun('r1', 40))).toThrow(
        expect.objectContaining({ code: 'validation', field: 'id' }),
      )
    })

    it('keeps the run’s snapshot when the workflow is edited or deleted', () => {
      const { store } = open()
      store.workflows.create('w1', sampleWorkflow('Shots', 'a cat'), 1)
      const doc = store.workflows.get('w1')?.doc
      if (doc === undefined) throw new Error('the workflow was not saved')
      store.runs.create({ ...newRun('r1', 2), doc })
      store.workflows.update('w1', sampleWorkflow('Shots', 'a dog'), 1, 3)

      expect(store.runs.get('r1')?.doc.nodes[0]?.params).toEqual({ text: 'a cat' })
      expect(store.workflows.delete('w1')).toBe(true)
      expect(store.runs.list('w1').map((run) => run.doc.nodes[0]?.params)).toEqual([
        { text: 'a cat' },
      ])
    })

    it('lists a workflow’s runs newest first and unfinished runs oldest first', () => {
      const { store } = open()
      store.runs.create(newRun('r1', 1))
      store.runs.create(newRun('r2', 2))
      store.runs.create(newRun('r3', 3))
      store.runs.create(newRun('other', 4, 'w2'))
      // Same creation time: the order they were created in breaks the tie.
      store.runs.create(newRun('r4', 3))
      store.runs.finish('r2', 'cancelled', 0, 5)

      expect(store.runs.list('w1').map((run) => run.id)).toEqual(['r4', 'r3', 'r2', 'r1'])
      expect(store.runs.list('w2').map((run) => run.id)).toEqual(['other'])
      expect(store.runs.unfinished().map((run) => run.id)).toEqual(['r1', 'r3', 'r4', 'other'])
    })

    it('finds a run that was never finished after the store is closed and reopened', () => {
      const { store, reopen, close } = open()
      store.runs.create(newRun('r1', 1))
      close()
      expect(
        reopen()
          .runs.unfinished()
          .map((run) => run.id),
      ).toEqual(['r1'])
    })

    it('remembers which ambiguous submits a person chose to resubmit', () => {
      const { store, reopen, close } = open()
      store.runs.create(newRun('r1', 1))
      store.runs.setResubmit('r1', ['shot2', 'shot3'])
      close()
      expect(reopen().runs.get('r1')?.resubmit).toEqual(['shot2', 'shot3'])
      expect(() => reopen().runs.setResubmit('nope', [])).toThrow(
        expect.objectContaining({ code: 'internal' }),
      )
    })
  })
}
