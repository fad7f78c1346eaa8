import { describe, expect, it } from 'vitest'
import { createLocalStorage, type StorageLike } from './local-storage.ts'
import { describeStorageContract, sampleDoc } from './testing/storage-contract.ts'

function memoryStorage(
  quota = Number.POSITIVE_INFINITY,
): StorageLike & { map: Map<string, string> } {
  const map = new Map<string, string>()
  return {
    map,
    getItem: (key) => map.get(key) ?? null,
    setItem(key, value) {
      const used = [...map.entries()].reduce((n, [k, v]) => n + (k === key ? 0 : v.length), 0)
      if (used + value.length > quota) throw new DOMException('full', 'QuotaExceededError')
      map.set(key, value)
    },
    removeItem: (key) => {
      map.delete(key)
    },
  }
}

let clock = 0
describeStorageContract('localStorage', async () => ({
  storage: createLocalStorage({ storage: memoryStorage(), now: () => ++clock }),
}))

describe('localStorage workflows', () => {
  it('reads a damaged copy as issues with paths, not a half-loaded document', async () => {
    const storage = memoryStorage()
    const local = createLocalStorage({ storage, newId: () => 'w1' })
    await local.create(sampleDoc('Harbour'))
    storage.setItem('shotchain:workflow:w1', '{"format":"shotchain.workflow","version":1,"name":3}')
    const opened = await local.open('w1')
    expect(opened.ok).toBe(false)
    if (opened.ok) return
    expect(opened.failure.kind).toBe('refused')
    expect(opened.failure.message).toContain('Harbour')
    expect(opened.failure.kind === 'refused' && opened.failure.issues[0]?.path).toBe('name')
  })

  it('says the storage is full instead of throwing, and keeps the previous copy', async () => {
    const storage = memoryStorage(2000)
    const local = createLocalStorage({ storage, newId: () => 'w1' })
    const created = await local.create(sampleDoc('Small'))
    expect(created.ok).toBe(true)
    const saved = await local.save('w1', sampleDoc('Small', 'x'.repeat(5000)), 1)
    expect(saved).toMatchObject({ ok: false, failure: { kind: 'unavailable' } })
    if (!saved.ok) expect(saved.failure.message).toMatch(/storage is full.*export/)
    const opened = await local.open('w1')
    expect(opened.ok && opened.value.revision).toBe(1)
  })

  it('ignores an index it cannot read instead of failing to start', async () => {
    const storage = memoryStorage()
    storage.setItem('shotchain:workflows', 'not json')
    const list = await createLocalStorage({ storage }).list()
    expect(list).toEqual({ ok: true, value: [] })
  })
})
