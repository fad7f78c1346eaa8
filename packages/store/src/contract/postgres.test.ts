import { describe, expect, it, onTestFinished } from 'vitest'
import { migratePg, PG_MIGRATIONS } from '../postgres/pg-migrations.ts'
import { openSyncBridge } from '../postgres/sync-bridge.ts'
import { openStore } from '../store.ts'
import { describeStoreContracts } from './store-contracts.ts'
import { postgresStores } from './test-stores.ts'

const open = postgresStores()
describeStoreContracts('postgres', open)

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
