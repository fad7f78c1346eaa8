import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openSqlite } from './db/sqlite.ts'
import { DATABASE_FILE } from './store.ts'
import { runScript } from './testing/run-script.ts'
import { makeTempHome, openTestStore } from './testing/temp-home.ts'

const entry = { outputs: { text: 'a cat' }, nodeType: 'prompt', createdAt: 1 }

describe('openStore', () => {
  it('keeps one SQLite file in WAL mode and a media folder in the home', () => {
    const store = openTestStore()
    expect(existsSync(join(store.home, DATABASE_FILE))).toBe(true)
    expect(existsSync(join(store.home, 'media'))).toBe(true)
    const db = openSqlite(join(store.home, DATABASE_FILE), { busyTimeoutMs: 0 })
    expect(db.pragma('journal_mode')).toBe('wal')
    db.close()
  })

  it('lets two stores on one home (a CLI and a server) see each other’s writes', () => {
    const home = makeTempHome()
    const cli = openTestStore(home)
    const server = openTestStore(home)

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

  it('lets two processes write the same home at once without losing a write', async () => {
    const home = makeTempHome()
    openTestStore(home) // created and migrated before the race, as a first run would
    const [a, b] = await Promise.all([
      runScript('write-journal-keys.ts', [home, 'a', '100']),
      runScript('write-journal-keys.ts', [home, 'b', '100']),
    ])
    expect([a.code, b.code, a.stderr, b.stderr]).toEqual([0, 0, '', ''])
    expect(openTestStore(home).journal.list()).toHaveLength(200)
  }, 30_000)

  it('can be closed twice', () => {
    const store = openTestStore()
    store.close()
    expect(() => store.close()).not.toThrow()
  })
})
