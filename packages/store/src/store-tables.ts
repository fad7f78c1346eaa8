import { resolve } from 'node:path'
import { createSqliteCache } from './cache/sqlite-cache.ts'
import type { SqliteDatabase } from './db/sqlite.ts'
import { createSqliteJournal } from './journal/sqlite-journal.ts'
import { createMediaFolder, type MediaFolder } from './media/media-folder.ts'
import { createSqliteNodeRuns } from './runs/sqlite-node-runs.ts'
import { createSqliteRunEvents } from './runs/sqlite-run-events.ts'
import { createSqliteRuns } from './runs/sqlite-runs.ts'
import { createSqliteLedger } from './spends/sqlite-ledger.ts'
import type { Store } from './store.ts'
import { createSqliteUploadCache } from './uploads/sqlite-upload-cache.ts'
import { createSqliteWorkflows } from './workflows/sqlite-workflows.ts'

/**
 * The store's tables over a database (SQLite's, or PostgreSQL's through the bridge, which speaks
 * the same statement interface); `log` takes the event log and node states, written once per
 * event (SQLite gives them a connection of their own, off the journal's fsync path).
 */
export function storeTables(
  db: SqliteDatabase,
  log: SqliteDatabase,
  media: MediaFolder,
): Omit<Store, 'home' | 'close'> {
  return {
    cache: createSqliteCache(db, media.has),
    journal: createSqliteJournal(db),
    spends: createSqliteLedger(db),
    uploads: createSqliteUploadCache(db),
    media,
    workflows: createSqliteWorkflows(db),
    runs: createSqliteRuns(db),
    nodeRuns: createSqliteNodeRuns(log),
    events: createSqliteRunEvents(log),
  }
}

/**
 * The media folder of a store whose state folder is `root`: `mediaDir` (resolved against it) or
 * `<root>/media`, cleared of the temporary files dead processes left.
 */
export function storeMedia(
  root: string,
  options: { readonly mediaDir?: string | undefined; readonly sharedMedia?: boolean | undefined },
): MediaFolder {
  const media = createMediaFolder(resolve(root, options.mediaDir ?? 'media'), {
    shared: options.sharedMedia ?? false,
  })
  media.sweepTemp()
  return media
}
