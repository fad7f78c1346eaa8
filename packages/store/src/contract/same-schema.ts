import { join } from 'node:path'
import { openSqlite } from '../db/sqlite.ts'
import { openSyncBridge } from '../postgres/sync-bridge.ts'
import { DATABASE_FILE } from '../store.ts'

/** Each table's columns, sorted, as `{ table: ['column', …] }`. */
export type Columns = Record<string, string[]>

/** The columns of the SQLite file in `home`. For tests only. */
export function sqliteColumns(home: string): Columns {
  const db = openSqlite(join(home, DATABASE_FILE), { busyTimeoutMs: 1_000 })
  try {
    const tables = db
      .prepare<[], { name: string }>(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
      )
      .all()
    const columns: Columns = {}
    for (const { name } of tables) {
      const info = db.prepare<[], { name: string }>(`PRAGMA table_info(${name})`).all()
      columns[name] = info.map((column) => column.name).sort()
    }
    return columns
  } finally {
    db.close()
  }
}

/**
 * The columns of the PostgreSQL database at `url`, less what only PostgreSQL needs: the explicit
 * `rowid` columns and the `schema_version` table (SQLite keeps both implicitly). For tests only.
 */
export function postgresColumns(url: string): Columns {
  const bridge = openSyncBridge(url)
  try {
    const rows = bridge.query(
      `SELECT table_name AS t, column_name AS c FROM information_schema.columns
       WHERE table_schema = 'public' AND table_name <> 'schema_version' AND column_name <> 'rowid'`,
    ).rows as { t: string; c: string }[]
    const columns: Columns = {}
    for (const { t, c } of rows) {
      columns[t] = [...(columns[t] ?? []), c]
    }
    for (const list of Object.values(columns)) list.sort()
    return columns
  } finally {
    bridge.close()
  }
}
