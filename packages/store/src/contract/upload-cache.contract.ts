import { describe, expect, it } from 'vitest'
import type { OpenTestStore } from './test-stores.ts'

/** The behaviour every store's {@link Store.uploads} must have, reopen included. */
export function describeUploadCache(name: string, open: OpenTestStore): void {
  describe(`${name} upload cache`, () => {
    it('remembers the latest URL per hash across a reopen', () => {
      const { store, reopen, close } = open()
      expect(store.uploads.get('h')).toBeUndefined()
      store.uploads.set('h', 'https://fal.example/1', 1)
      store.uploads.set('h', 'https://fal.example/2', 2)
      store.uploads.set('other', 'https://fal.example/3', 3.5)
      close()
      expect(reopen().uploads.get('h')).toEqual({ url: 'https://fal.example/2', at: 2 })
      expect(reopen().uploads.get('other')).toEqual({ url: 'https://fal.example/3', at: 3.5 })
    })
  })
}
