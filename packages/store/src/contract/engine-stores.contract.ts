import { rmSync } from 'node:fs'
import {
  describeCacheStoreContract,
  describeJournalContract,
  describeSpendLedgerContract,
} from '@shotchain/engine/contract'
import { describe, expect, it } from 'vitest'
import type { OpenTestStore } from './test-stores.ts'

/**
 * The engine's contracts (journal, spend ledger, cache) on a store's tables, reopen included,
 * and the cache's check that the media its outputs reference is still there.
 */
export function describeEngineStores(name: string, open: OpenTestStore): void {
  describeJournalContract(`${name} journal`, () => {
    const { store, reopen, close } = open()
    return { journal: store.journal, close, reopen: () => reopen().journal }
  })
  describeSpendLedgerContract(`${name} ledger`, () => {
    const { store, reopen, close } = open()
    return { ledger: store.spends, close, reopen: () => reopen().spends }
  })
  describeCacheStoreContract(`${name} cache`, () => {
    const { store, reopen, close } = open()
    return { store: store.cache, close, reopen: () => reopen().cache }
  })

  describe(`${name} cache and the media folder`, () => {
    it('answers undefined once a media file its outputs reference is deleted', async () => {
      const { store } = open()
      const frame = await store.media.putBytes(new Uint8Array([1, 2, 3]), 'image/png')
      const clip = await store.media.putBytes(new Uint8Array([4, 5, 6]), 'video/mp4')
      const outputs = {
        video: { kind: 'video', hash: clip.hash, contentType: 'video/mp4', sizeBytes: 3 },
        frames: [{ kind: 'image', hash: frame.hash, contentType: 'image/png', sizeBytes: 3 }],
      }
      store.cache.set('k', { outputs, nodeType: 'kling-o1-i2v', createdAt: 1 })
      expect(store.cache.get('k')?.outputs).toEqual(outputs)

      rmSync(frame.path)
      expect(store.cache.get('k')).toBeUndefined()
    })

    it('answers undefined once the audio file an audio-source output references is deleted', async () => {
      const { store } = open()
      const sound = await store.media.putBytes(new Uint8Array([7, 8, 9]), 'audio/mp4')
      expect(sound.path.endsWith('.m4a')).toBe(true)
      const outputs = {
        audio: { kind: 'audio', hash: sound.hash, contentType: 'audio/mp4', sizeBytes: 3 },
      }
      store.cache.set('k', { outputs, nodeType: 'audio-source', createdAt: 1 })
      expect(store.cache.get('k')?.outputs).toEqual(outputs)

      rmSync(sound.path)
      expect(store.cache.get('k')).toBeUndefined()
    })

    it('does not take a 64-hex string outside a media value for a media reference', () => {
      const { store } = open()
      const outputs = { text: { kind: 'text', hash: 'a'.repeat(64) }, digest: 'b'.repeat(64) }
      store.cache.set('k', { outputs, nodeType: 'prompt', createdAt: 1 })
      expect(store.cache.get('k')?.outputs).toEqual(outputs)
    })
  })
}
