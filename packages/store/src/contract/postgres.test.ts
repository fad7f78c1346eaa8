import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it, onTestFinished } from 'vitest'
import { openPgDatabase } from '../postgres/pg-database.ts'
import { migratePg, PG_MIGRATIONS } from '../postgres/pg-migrations.ts'
import { openSyncBridge } from '../postgres/sync-bridge.ts'
import { openStore } from '../store.ts'
import { postgresColumns, sqliteColumns } from './same-schema.ts'
import { describeStoreContracts } from './store-contracts.ts'
import { postgresStores, sqliteStores } from './test-stores.ts'

const open = postgresStores()
const openSqlite = sqliteStores()
describeStoreContracts('postgres', open)

describe('postgres schema', () => {
  it('has the same tables and columns as SQLite’s', () => {
    const sqlite = openSqlite()
    const postgres = open()
    sqlite.close()
    postgres.close()
    const expected = sqliteColumns(sqlite.home)
    expect(Object.keys(expected)).toContain('journal_entries')
    expect(postgresColumns(postgres.databaseUrl ?? '')).toEqual(expected)
  })
})

describe('postgres migrations', () => {
  function bridgeTo(url: string | undefined) {
    const bridge = openSyncBridge(url ?? '')
    onTestFinished(() => bridge.close())
    return bridge
  }
  const version = (bridge: ReturnType<typeof bridgeTo>) =>
    bridge.query('SELECT version FROM schema_version').rows

  it('records the schema version, and refuses a database written by a newer Shotchain', () => {
    const { home, databaseUrl, close } = open()
    close()
    const bridge = bridgeTo(databaseUrl)
    expect(version(bridge)).toEqual([{ version: PG_MIGRATIONS.length }])
    bridge.query('UPDATE schema_version SET version = version + 1')
    expect(() => openStore(home, { databaseUrl })).toThrow(/newer than this Shotchain knows/)
  })

  it('runs each step once, and leaves the database untouched when a step fails', () => {
    const { databaseUrl } = open()
    const bridge = bridgeTo(databaseUrl)
    const added = { name: 'a', sql: 'CREATE TABLE a (x INTEGER)' }
    // Running step a again would fail: its table exists.
    expect(migratePg(bridge, [...PG_MIGRATIONS, added])).toBe(PG_MIGRATIONS.length + 1)
    expect(migratePg(bridge, [...PG_MIGRATIONS, added])).toBe(PG_MIGRATIONS.length + 1)
    const broken = [...PG_MIGRATIONS, added, { name: 'b', sql: 'CREATE TABLE b (x INTEGER)' }]
    broken.push({ name: 'bad', sql: 'CREATE TABLE nope (' })
    expect(() => migratePg(bridge, broken)).toThrow()
    expect(version(bridge)).toEqual([{ version: PG_MIGRATIONS.length + 1 }])
    expect(bridge.query("SELECT to_regclass('b') AS b").rows).toEqual([{ b: null }])
  })

  it('refuses a database it cannot reach', () => {
    expect(() => openStore('/tmp', { databaseUrl: 'postgres://nobody@127.0.0.1:1/none' })).toThrow(
      /postgres/,
    )
  })
})

describe('postgres transactions', () => {
  it('runs the read-then-write transactions of two processes one after the other', async () => {
    const { databaseUrl } = open()
    const url = databaseUrl ?? ''
    const admin = openSyncBridge(url)
    onTestFinished(() => admin.close())
    admin.query('CREATE TABLE counter (value INTEGER NOT NULL); INSERT INTO counter VALUES (0)')
    const startAt = String(Date.now() + 1_500)
    const script = fileURLToPath(new URL('../postgres/count-in-transactions.ts', import.meta.url))
    const exits = await Promise.all(
      ['a', 'b'].map(() => runNode(['--import', 'tsx', script, url, '200', startAt])),
    )
    expect(exits).toEqual([0, 0])
    // A lost update (both read n, both wrote n + 1) would leave it short of 400.
    expect(admin.query('SELECT value FROM counter').rows).toEqual([{ value: 400 }])
  }, 60_000)
})

describe('postgres connection loss', () => {
  const terminateOthers = `SELECT count(pg_terminate_backend(pid)) AS n FROM pg_stat_activity
    WHERE datname = current_database() AND pid <> pg_backend_pid()`

  it('connects again after the server closed the connection', () => {
    const { store, databaseUrl } = open()
    store.uploads.set('h', 'https://fal.example/h', 1)
    const admin = openSyncBridge(databaseUrl ?? '')
    onTestFinished(() => admin.close())
    expect(admin.query(terminateOthers).rows).toEqual([{ n: 1 }])
    // The call that finds the connection gone may fail; the next one connects again.
    try {
      store.uploads.get('h')
    } catch {}
    expect(store.uploads.get('h')).toEqual({ url: 'https://fal.example/h', at: 1 })
  })

  it('fails a transaction whose connection was lost, and keeps none of its writes', () => {
    const { store, databaseUrl, close } = open()
    close()
    const db = openPgDatabase(databaseUrl ?? '')
    const admin = openSyncBridge(databaseUrl ?? '')
    onTestFinished(() => {
      db.close()
      admin.close()
    })
    const insert = db.prepare('INSERT INTO uploads (hash, url, at) VALUES (?, ?, ?)')
    expect(() =>
      db.immediate(() => {
        insert.run('a', 'https://fal.example/a', 1)
        admin.query(terminateOthers)
        insert.run('b', 'https://fal.example/b', 2)
      }),
    ).toThrow(/postgres/)
    expect(db.prepare('SELECT hash FROM uploads').all()).toEqual([])
    expect(store.home).toBeTruthy()
  })
})

/** Runs node with `args` from the package folder; resolves to its exit code. */
function runNode(args: readonly string[]): Promise<number | null> {
  const cwd = fileURLToPath(new URL('../..', import.meta.url))
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, stdio: ['ignore', 'ignore', 'inherit'] })
    child.on('error', reject)
    child.on('close', resolve)
  })
}
