import { describe, expect, it } from 'vitest'
import type { CacheStore } from '../cache/cache-store.ts'

/**
 * The behaviour every {@link CacheStore} must have. An adapter's test file calls it with a
 * factory for fresh, empty stores; `reopen`, when given, opens the same storage again (a restart).
 */
export function describeCacheStoreContract(
  name: string,
  create: () => { store: CacheStore; reopen?: () => CacheStore; close?: () => void },
): void {
  describe(`${name} (cache store contract)`, () => {
    const entry = {
      outputs: { video: { hash: 'abc', kind: 'video' } },
      nodeType: 'kling',
      createdAt: 5,
    }

    it('answers undefined for a key it never stored', () => {
      const { store, close } = create()
      expect(store.get('missing')).toBeUndefined()
      close?.()
    })

    it('gives back what was stored, equal in value', () => {
      const { store, close } = create()
      store.set('k1', entry)
      expect(store.get('k1')).toEqual(entry)
      close?.()
    })

    it('replaces an entry stored again under the same key', () => {
      const { store, close } = create()
      store.set('k1', entry)
      store.set('k1', { ...entry, createdAt: 9 })
      expect(store.get('k1')?.createdAt).toBe(9)
      close?.()
    })

    it('keeps entries across a reopen', () => {
      const { store, reopen, close } = create()
      if (reopen === undefined) return
      store.set('k1', entry)
      close?.()
      const again = reopen()
      expect(again.get('k1')).toEqual(entry)
    })
  })
}
