import { describe, expect, it } from 'vitest'
import type { OpenTestStore } from './test-stores.ts'

const entry = { outputs: { text: 'a cat' }, nodeType: 'prompt', createdAt: 1 }

/** Two stores open on the same data at once (a CLI and a server, two servers) share it. */
export function describeSharing(name: string, open: OpenTestStore): void {
  describe(`${name} shared by two stores`, () => {
    it('lets each see the other’s writes', () => {
      const { store: cli, reopen } = open()
      const server = reopen()

      cli.cache.set('k', entry)
      cli.journal.begin('j', { nodeId: 'shot1', runId: 'r1', at: 1 })
      cli.uploads.set('h', 'https://fal.example/h', 2)
      expect(server.cache.get('k')).toEqual(entry)
      expect(server.journal.get('j')?.state).toBe('submitting')
      expect(server.uploads.get('h')).toEqual({ url: 'https://fal.example/h', at: 2 })

      server.journal.record('j', 'req-1', 3)
      server.journal.clear('j')
      expect(cli.journal.get('j')).toBeUndefined()
    })

    it('gives a journal key to exactly one of them', () => {
      const { store: a, reopen } = open()
      const b = reopen()
      const info = { nodeId: 'shot1', runId: 'r1', at: 1 }
      expect(a.journal.begin('k', info)).toBe(true)
      expect(b.journal.begin('k', { ...info, runId: 'r2' })).toBe(false)
      expect(a.journal.get('k')?.runId).toBe('r1')
    })

    it('can be closed twice', () => {
      const { store, close } = open()
      close()
      expect(() => store.close()).not.toThrow()
    })
  })
}
