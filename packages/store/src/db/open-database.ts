import BetterSqlite3, { type Database } from 'better-sqlite3'
import { migrate } from './migrations.ts'

/** How long a write waits for another process's write lock before failing with SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 5_000

/**
 * Opens (creating if needed) the SQLite file at `path` in WAL mode and migrates it.
 *
 * `synchronous = FULL`: every commit is fsynced before it returns, so a journal entry outlives
 * a power cut as well as a killed process. Writes are few (one per node result, paid submit or
 * upload), so the fsync each costs is noise next to a fal job.
 */
export function openDatabase(path: string): Database {
  const db = new BetterSqlite3(path, { timeout: BUSY_TIMEOUT_MS })
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`)
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = FULL')
    db.pragma('foreign_keys = ON')
    migrate(db)
    return db
  } catch (error) {
    db.close()
    throw error
  }
}
