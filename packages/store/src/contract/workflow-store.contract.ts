import { describe, expect, it } from 'vitest'
import { sampleWorkflow } from '../testing/sample-workflow.ts'
import type { OpenTestStore } from './test-stores.ts'

/** The behaviour every store's {@link Store.workflows} must have, reopen included. */
export function describeWorkflowStore(name: string, open: OpenTestStore): void {
  describe(`${name} workflows`, () => {
    it('creates, gets, lists newest update first, and deletes, across a reopen', () => {
      const { store, reopen, close } = open()
      const created = store.workflows.create('w1', sampleWorkflow('First'), 10)
      expect(created).toEqual({
        id: 'w1',
        name: 'First',
        doc: sampleWorkflow('First'),
        revision: 1,
        createdAt: 10,
        updatedAt: 10,
      })
      store.workflows.create('w2', sampleWorkflow('Second'), 20)
      store.workflows.update('w1', sampleWorkflow('First, renamed'), 1, 30)
      close()

      const again = reopen()
      const got = again.workflows.get('w1')
      expect(got?.doc).toEqual(sampleWorkflow('First, renamed'))
      expect(Object.isFrozen(got?.doc.nodes[0]?.params)).toBe(true)
      expect(again.workflows.list()).toEqual([
        { id: 'w1', name: 'First, renamed', revision: 2, createdAt: 10, updatedAt: 30 },
        { id: 'w2', name: 'Second', revision: 1, createdAt: 20, updatedAt: 20 },
      ])

      expect(again.workflows.delete('w1')).toBe(true)
      expect(again.workflows.delete('w1')).toBe(false)
      expect(again.workflows.get('w1')).toBeUndefined()
      expect(again.workflows.list().map((w) => w.id)).toEqual(['w2'])
    })

    it('refuses a duplicate id with a validation error and keeps the first', () => {
      const { store } = open()
      store.workflows.create('w1', sampleWorkflow('First'), 1)
      expect(() => store.workflows.create('w1', sampleWorkflow('Other'), 2)).toThrow(
        expect.objectContaining({ code: 'validation', field: 'id' }),
      )
      expect(store.workflows.get('w1')?.name).toBe('First')
    })

    it('refuses a stale save and leaves the row unchanged', () => {
      const { store } = open()
      store.workflows.create('w1', sampleWorkflow('v1'), 1)
      expect(store.workflows.update('w1', sampleWorkflow('v2'), 1, 2)).toMatchObject({
        ok: true,
        workflow: { revision: 2, name: 'v2', updatedAt: 2 },
      })
      const before = store.workflows.get('w1')
      expect(store.workflows.update('w1', sampleWorkflow('stale'), 1, 3)).toEqual({
        ok: false,
        reason: 'stale',
        revision: 2,
      })
      expect(store.workflows.get('w1')).toEqual(before)
      expect(store.workflows.update('nope', sampleWorkflow(), 1, 4)).toEqual({
        ok: false,
        reason: 'not-found',
      })
    })

    it('lets exactly one of two saves based on the same revision win, across two stores', () => {
      const { store: a, reopen } = open()
      const b = reopen()
      a.workflows.create('w1', sampleWorkflow('v1'), 1)
      const fromA = a.workflows.update('w1', sampleWorkflow('from a'), 1, 2)
      const fromB = b.workflows.update('w1', sampleWorkflow('from b'), 1, 3)
      expect(fromA.ok).toBe(true)
      expect(fromB).toEqual({ ok: false, reason: 'stale', revision: 2 })
      expect(b.workflows.get('w1')?.doc.name).toBe('from a')
    })

    it('refuses a document that would not load back, storing nothing', () => {
      const { store } = open()
      const bad = { ...sampleWorkflow(), edges: [{ id: 'e', from: { node: 'x', port: 'p' } }] }
      // @ts-expect-error — a caller bypassing the types
      expect(() => store.workflows.create('w1', bad, 1)).toThrow(
        expect.objectContaining({ code: 'validation', field: 'doc' }),
      )
      expect(store.workflows.list()).toEqual([])
    })
  })
}
