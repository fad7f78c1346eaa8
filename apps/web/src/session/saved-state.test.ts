import { describe, expect, it } from 'vitest'
import { createLocalStorage } from '../storage/local-storage.ts'
import { sampleDoc } from '../storage/testing/storage-contract.ts'
import { hasUnsavedChanges, NEVER_SAVED, saveWorkflow } from './saved-state.ts'

function memory() {
  const map = new Map<string, string>()
  const storage = createLocalStorage({
    storage: {
      getItem: (k) => map.get(k) ?? null,
      setItem: (k, v) => void map.set(k, v),
      removeItem: (k) => void map.delete(k),
    },
  })
  return storage
}

describe('saveWorkflow', () => {
  it('creates a never-saved workflow, then saves on the revision it got', async () => {
    const storage = memory()
    const first = sampleDoc('Harbour')
    const created = await saveWorkflow(storage, NEVER_SAVED, first)
    expect(created.ok && created.state).toMatchObject({ revision: 1, doc: first })
    if (!created.ok) return
    expect(hasUnsavedChanges(created.state, first)).toBe(false)
    const second = sampleDoc('Harbour', 'dusk')
    expect(hasUnsavedChanges(created.state, second)).toBe(true)
    // Undo back to the saved state builds an equal document anew: unchanged.
    expect(hasUnsavedChanges(created.state, structuredClone(first))).toBe(false)
    const saved = await saveWorkflow(storage, created.state, second)
    expect(saved.ok && saved.state).toEqual({ id: created.state.id, revision: 2, doc: second })
  })

  it('reports a conflict without changing anything, and keeps mine on the reported revision', async () => {
    const storage = memory()
    const created = await saveWorkflow(storage, NEVER_SAVED, sampleDoc('Shared'))
    if (!created.ok) throw new Error('create failed')
    const otherTab = await saveWorkflow(storage, created.state, sampleDoc('Shared', 'theirs'))
    expect(otherTab.ok).toBe(true)
    const mine = sampleDoc('Shared', 'mine')
    const stale = await saveWorkflow(storage, created.state, mine)
    expect(stale).toMatchObject({ ok: false, state: created.state, failure: { kind: 'conflict' } })
    if (stale.ok || stale.failure.kind !== 'conflict') return
    const kept = await saveWorkflow(storage, stale.state, mine, stale.failure.revision)
    expect(kept.ok && kept.state.revision).toBe(3)
    const opened = await storage.open(created.state.id ?? '')
    expect(opened.ok && opened.value.doc).toEqual(mine)
  })

  it('turns a workflow deleted meanwhile into a new one on the next save', async () => {
    const storage = memory()
    const created = await saveWorkflow(storage, NEVER_SAVED, sampleDoc('Gone'))
    if (!created.ok) throw new Error('create failed')
    await storage.remove(created.state.id ?? '')
    const doc = sampleDoc('Gone', 'edited')
    const lost = await saveWorkflow(storage, created.state, doc)
    expect(lost).toMatchObject({ ok: false, failure: { kind: 'not-found' } })
    if (lost.ok) return
    expect(lost.failure.message).toMatch(/save again/)
    expect(hasUnsavedChanges(lost.state, doc)).toBe(true)
    const again = await saveWorkflow(storage, lost.state, doc)
    expect(again.ok && again.state.id).not.toBe(created.state.id)
    const list = await storage.list()
    expect(list.ok && list.value.map((w) => w.id)).toEqual([again.ok && again.state.id])
  })
})
