import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Store } from '../store.ts'
import { storeMedia, storeTables } from '../store-tables.ts'
import { openPgDatabase } from './pg-database.ts'
import { migratePg } from './pg-migrations.ts'

/**
 * Opens the store on the PostgreSQL database at `url` (migrated to the current schema), with the
 * media folder `<home>/media` (or `options.mediaDir`, which a team's processes may share). The tables are the SQLite store's, reached through one connection
 * that answers synchronously (see `sync-bridge.ts`); every write is a PostgreSQL statement or
 * transaction, so the journal's claim and the workflows' compare-and-set hold across processes
 * and machines. Throws when the database cannot be reached or was written by a newer Shotchain.
 */
export function openPostgresStore(
  home: string,
  url: string,
  options: { readonly mediaDir?: string; readonly sharedMedia?: boolean } = {},
): Store {
  const root = resolve(home)
  mkdirSync(root, { recursive: true })
  const media = storeMedia(root, options)
  const db = openPgDatabase(url)
  try {
    migratePg(db.bridge)
  } catch (error) {
    db.close()
    throw error
  }
  return {
    home: root,
    // One connection: PostgreSQL's commits cost the same on any of them.
    ...storeTables(db, db, media),
    close() {
      db.close()
    },
  }
}
