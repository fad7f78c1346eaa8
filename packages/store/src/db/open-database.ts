import { migrate } from './migrations.ts'
import { openSqlite, type SqliteDatabase } from './sqlite.ts'

/** How long a write waits for another process's write lock before failing with SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 5_000

/**
 * How hard a connection's commits are pushed to disk. `FULL`: fsynced before a commit returns,
 * so it outlives a power cut (the journal, the cache, workflows). `NORMAL` (in WAL mode): it
 * outlives a killed process but a power cut may drop the last commits — enough for the run event
 * log and node states, which a resumed run writes again, and many times cheaper per event.
 */
export type Durability = 'FULL' | 'NORMAL'

/**
 * Opens (creating if needed) the SQLite file at `path` in WAL mode; the `FULL` connection also
 * migrates it, so open that one first.
 */
export function openDatabase(path: string, durability: Durability = 'FULL'): SqliteDatabase {
  const db = openSqlite(path, { busyTimeoutMs: BUSY_TIMEOUT_MS })
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`)
    db.pragma('journal_mode = WAL')
    db.pragma(`synchronous = ${durability}`)
    db.pragma('foreign_keys = ON')
    if (durability === 'FULL') migrate(db)
    return db
  } catch (error) {
    db.close()
    throw error
  }
}
