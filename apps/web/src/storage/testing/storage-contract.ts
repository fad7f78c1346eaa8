import { createDocument, type WorkflowDocument } from '@shotchain/graph'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { WorkflowStorage } from '../workflow-storage.ts'

/** A small valid document named `name`, with one prompt node. */
export function sampleDoc(name: string, text = 'a quiet harbour at dawn'): WorkflowDocument {
  return {
    ...createDocument(name),
    nodes: [{ id: 'prompt1', type: 'prompt', position: [0, 0], params: { text } }],
  }
}

/**
 * The behaviour every {@link WorkflowStorage} must have, run against one instance that may
 * already hold other workflows (the server seeds a starter).
 */
export function describeStorageContract(
  name: string,
  setup: () => Promise<{ storage: WorkflowStorage; close?: () => Promise<void> }>,
): void {
  describe(`${name}: the workflow storage contract`, () => {
    let storage: WorkflowStorage
    let close: (() => Promise<void>) | undefined
    beforeAll(async () => {
      ;({ storage, close } = await setup())
    })
    afterAll(async () => close?.())

    it('creates at revision 1, lists it first and opens the same document', async () => {
      const doc = sampleDoc('Harbour')
      const created = await storage.create(doc)
      if (!created.ok) throw new Error(created.failure.message)
      expect(created.value).toMatchObject({ name: 'Harbour', revision: 1 })
      const list = await storage.list()
      expect(list.ok && list.value[0]).toMatchObject({ id: created.value.id, name: 'Harbour' })
      const opened = await storage.open(created.value.id)
      expect(opened.ok && opened.value.doc).toEqual(doc)
    })

    it('saves on the revision it was based on, and refuses a stale one without overwriting', async () => {
      const created = await storage.create(sampleDoc('Draft'))
      if (!created.ok) throw new Error(created.failure.message)
      const { id } = created.value
      const saved = await storage.save(id, sampleDoc('Renamed', 'first'), 1)
      expect(saved.ok && saved.value.revision).toBe(2)
      const stale = await storage.save(id, sampleDoc('Other tab', 'second'), 1)
      expect(stale).toMatchObject({ ok: false, failure: { kind: 'conflict', revision: 2 } })
      if (!stale.ok) expect(stale.failure.message).toMatch(/revision/)
      const opened = await storage.open(id)
      expect(opened.ok && opened.value).toMatchObject({ name: 'Renamed', revision: 2 })
      const list = await storage.list()
      expect(list.ok && list.value.find((w) => w.id === id)?.name).toBe('Renamed')
    })

    it('keeps mine: a save on the revision the conflict reported wins', async () => {
      const created = await storage.create(sampleDoc('Shared'))
      if (!created.ok) throw new Error(created.failure.message)
      const { id } = created.value
      await storage.save(id, sampleDoc('Shared', 'theirs'), 1)
      const mine = await storage.save(id, sampleDoc('Shared', 'mine'), 2)
      expect(mine.ok && mine.value.revision).toBe(3)
      const opened = await storage.open(id)
      expect(opened.ok && opened.value.doc.nodes[0]?.params).toEqual({ text: 'mine' })
    })

    it('removes a workflow: it leaves the list and no longer opens', async () => {
      const created = await storage.create(sampleDoc('Doomed'))
      if (!created.ok) throw new Error(created.failure.message)
      const { id } = created.value
      expect((await storage.remove(id)).ok).toBe(true)
      const list = await storage.list()
      expect(list.ok && list.value.some((w) => w.id === id)).toBe(false)
      expect(await storage.open(id)).toMatchObject({ ok: false, failure: { kind: 'not-found' } })
      expect(await storage.remove(id)).toMatchObject({ ok: false, failure: { kind: 'not-found' } })
    })

    it('says not-found for a save to a workflow that is not there', async () => {
      const saved = await storage.save('no-such-workflow', sampleDoc('Ghost'), 1)
      expect(saved).toMatchObject({ ok: false, failure: { kind: 'not-found' } })
    })
  })
}
