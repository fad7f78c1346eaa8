import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openSqlite } from './db/sqlite.ts'
import { DATABASE_FILE, resolveDatabaseUrl } from './store.ts'
import { openTestStore } from './testing/temp-home.ts'

// What every store does, on SQLite and PostgreSQL alike, is in src/contract.
describe('openStore', () => {
  it('keeps one SQLite file in WAL mode and a media folder in the home', () => {
    const store = openTestStore()
    expect(existsSync(join(store.home, DATABASE_FILE))).toBe(true)
    expect(existsSync(join(store.home, 'media'))).toBe(true)
    const db = openSqlite(join(store.home, DATABASE_FILE), { busyTimeoutMs: 0 })
    expect(db.pragma('journal_mode')).toBe('wal')
    db.close()
  })
})

describe('resolveDatabaseUrl', () => {
  it('names PostgreSQL only when SHOTCHAIN_DATABASE_URL is a postgres URL', () => {
    expect(resolveDatabaseUrl({})).toBeUndefined()
    expect(resolveDatabaseUrl({ SHOTCHAIN_DATABASE_URL: ' ' })).toBeUndefined()
    const url = 'postgres://team@db.example:5432/shotchain'
    expect(resolveDatabaseUrl({ SHOTCHAIN_DATABASE_URL: url })).toBe(url)
    expect(() => resolveDatabaseUrl({ SHOTCHAIN_DATABASE_URL: 'mysql://x' })).toThrow(/postgres/)
  })
})
