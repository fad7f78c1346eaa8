import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { createSqliteCache } from '../cache/sqlite-cache.ts'
import { createSqliteJournal } from '../journal/sqlite-journal.ts'
import { createMediaFolder } from '../media/media-folder.ts'
import { createSqliteNodeRuns } from '../runs/sqlite-node-runs.ts'
import { createSqliteRunEvents } from '../runs/sqlite-run-events.ts'
import { createSqliteRuns } from '../runs/sqlite-runs.ts'
import { createSqliteLedger } from '../spends/sqlite-ledger.ts'
import type { Store } from '../store.ts'
import { createSqliteUploadCache } from '../uploads/sqlite-upload-cache.ts'
import { createSqliteWorkflows } from '../workflows/sqlite-workflows.ts'
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
  const media = createMediaFolder(resolve(root, options.mediaDir ?? 'media'), {
    shared: options.sharedMedia ?? false,
  })
  media.sweepTemp()
  const db = openPgDatabase(url)
  try {
    migratePg(db.bridge)
  } catch (error) {
    db.close()
    throw error
  }
  return {
    home: root,
    cache: createSqliteCache(db, media.has),
    journal: createSqliteJournal(db),
    spends: createSqliteLedger(db),
    uploads: createSqliteUploadCache(db),
    media,
    workflows: createSqliteWorkflows(db),
    runs: createSqliteRuns(db),
    nodeRuns: createSqliteNodeRuns(db),
    events: createSqliteRunEvents(db),
    close() {
      db.close()
    },
  }
}
