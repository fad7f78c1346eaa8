import { startPostgres, type TestPostgres } from '@shotchain/test-machine'
import { afterAll, beforeAll, onTestFinished } from 'vitest'
import { migratePg } from '../postgres/pg-migrations.ts'
import { openSyncBridge, type SyncBridge } from '../postgres/sync-bridge.ts'
import { openStore, type Store } from '../store.ts'
import { makeTempHome } from '../testing/temp-home.ts'

/** A fresh, empty store for one test, and the way to open its data again. For tests only. */
export interface TestStore {
  readonly store: Store
  /** The state folder (media, and the SQLite file when there is no database URL). */
  readonly home: string
  /** The PostgreSQL database the store is on; undefined for SQLite. */
  readonly databaseUrl: string | undefined
  /** Opens another store on the same data (as a restarted or a second process would). */
  reopen(): Store
  /** Closes `store` (every store this opened is closed when the test finishes anyway). */
  close(): void
}

/** Opens a {@link TestStore}; call it inside a test. */
export type OpenTestStore = () => TestStore

function opener(databaseUrl: () => string | undefined): OpenTestStore {
  return () => {
    const home = makeTempHome()
    const url = databaseUrl()
    const open = () => {
      const store = openStore(home, { databaseUrl: url })
      onTestFinished(() => store.close())
      return store
    }
    const store = open()
    return { store, home, databaseUrl: url, reopen: open, close: () => store.close() }
  }
}

/** Stores in a fresh SQLite home each. */
export function sqliteStores(): OpenTestStore {
  return opener(() => undefined)
}

/**
 * Stores on a real PostgreSQL server this test file starts once (beforeAll) and stops after it;
 * each test gets a database of its own (`CREATE DATABASE t_<n>`, copied from one migrated once),
 * so tests never see each other's rows. Call it at the top level of a test file.
 */
export function postgresStores(): OpenTestStore {
  let server: TestPostgres | undefined
  let admin: SyncBridge | undefined
  let databases = 0
  beforeAll(async () => {
    server = await startPostgres()
    admin = openSyncBridge(server.url)
    admin.query('CREATE DATABASE t_template')
    const template = openSyncBridge(databaseUrl(server, 't_template'))
    migratePg(template)
    template.close()
  }, 60_000)
  afterAll(async () => {
    admin?.close()
    await server?.stop()
  })
  return opener(() => {
    if (server === undefined || admin === undefined) throw new Error('postgres is not started')
    const name = `t_${++databases}`
    admin.query(`CREATE DATABASE ${name} TEMPLATE t_template`)
    return databaseUrl(server, name)
  })
}

function databaseUrl(server: TestPostgres, name: string): string {
  return server.url.replace(/\/shotchain$/, `/${name}`)
}
