import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { CacheStore, Journal, SpendLedger } from '@shotchain/engine'
import { openDatabase } from './db/open-database.ts'
import type { MediaFolder } from './media/media-folder.ts'
import { openPostgresStore } from './postgres/pg-store.ts'
import type { NodeRunStore } from './runs/sqlite-node-runs.ts'
import type { RunEventLog } from './runs/sqlite-run-events.ts'
import type { RunStore } from './runs/sqlite-runs.ts'
import { storeMedia, storeTables } from './store-tables.ts'
import type { UploadCache } from './uploads/sqlite-upload-cache.ts'
import type { WorkflowStore } from './workflows/sqlite-workflows.ts'

/** The name of the SQLite file inside the state folder. */
export const DATABASE_FILE = 'shotchain.db'

/** Everything Shotchain keeps between runs, in one state folder. */
export interface Store {
  /** The state folder. */
  readonly home: string
  readonly cache: CacheStore
  readonly journal: Journal
  /** Every paid submit, recorded as it is made: what runs have spent. */
  readonly spends: SpendLedger
  readonly uploads: UploadCache
  readonly media: MediaFolder
  /** Saved workflows, with revisions for compare-and-set saves. */
  readonly workflows: WorkflowStore
  /** Runs, each with the document snapshot it executes. */
  readonly runs: RunStore
  /** The latest state of each node of each run. */
  readonly nodeRuns: NodeRunStore
  /** Each run's numbered events, for replay. */
  readonly events: RunEventLog
  /** Closes the database; the store must not be used afterwards. Safe to call twice. */
  close(): void
}

export interface OpenStoreOptions {
  /**
   * The clock for times the store stamps itself (none yet; the engine passes its own times).
   * Accepted now so callers need not change when later tables use it.
   */
  readonly now?: () => number
  /**
   * A `postgres://` URL: the tables live in that PostgreSQL database (shared by every process
   * given the same URL) instead of `<home>/shotchain.db`; media stays in `<home>/media`.
   * See {@link resolveDatabaseUrl}.
   */
  readonly databaseUrl?: string | undefined
  /** The media folder; default `<home>/media`. Server processes of a team may share one. */
  readonly mediaDir?: string
  /** Whether other machines share the media folder (see `MediaFolderOptions.shared`). */
  readonly sharedMedia?: boolean
}

/**
 * The PostgreSQL database named by `SHOTCHAIN_DATABASE_URL`, or undefined (SQLite) when it is
 * unset or empty. Throws when it is set to something other than a `postgres://` URL.
 * @example openStore(resolveHome(env), { databaseUrl: resolveDatabaseUrl(env) })
 */
export function resolveDatabaseUrl(
  env: Readonly<Record<string, string | undefined>> = process.env,
): string | undefined {
  const url = env.SHOTCHAIN_DATABASE_URL?.trim()
  if (url === undefined || url === '') return undefined
  if (!/^postgres(ql)?:\/\//.test(url))
    throw new Error('store: SHOTCHAIN_DATABASE_URL must be a postgres:// URL')
  return url
}

/**
 * Opens the store in `home` (created if missing): `<home>/shotchain.db` (SQLite, WAL, migrated to
 * the current schema) and the media folder `<home>/media`. Several processes (the CLI and the
 * server) may open the same home at once; each sees the others' committed writes. Temporary
 * media files that dead processes left are removed (`MediaFolder.sweepTemp`). Throws when the
 * database cannot be opened or was written by a newer Shotchain. With `options.databaseUrl`, the
 * tables are in that PostgreSQL database instead (the same interfaces, atomic across processes).
 * @example
 * const store = openStore(resolveHome())
 * await executeRun({ ...options, cache: store.cache, journal: store.journal })
 */
export function openStore(home: string, options: OpenStoreOptions = {}): Store {
  if (options.databaseUrl !== undefined) {
    return openPostgresStore(home, options.databaseUrl, options)
  }
  const root = resolve(home)
  mkdirSync(root, { recursive: true })
  // Swept of what a killed process (this one's predecessor, or a CLI run) left half-written.
  const media = storeMedia(root, options)
  const db = openDatabase(join(root, DATABASE_FILE))
  // Events and node states are written once per event: a second connection keeps them off the
  // fsync-per-commit path the journal needs (see Durability).
  const log = openDatabase(join(root, DATABASE_FILE), 'NORMAL')
  return {
    home: root,
    ...storeTables(db, log, media),
    close() {
      if (log.open) log.close()
      if (db.open) db.close()
    },
  }
}
