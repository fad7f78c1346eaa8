import type { SqliteDatabase, SqliteStatement } from '../db/sqlite.ts'
import { openSyncBridge, type SyncBridge } from './sync-bridge.ts'

/**
 * A PostgreSQL connection presenting the store's statement interface ({@link SqliteDatabase}),
 * so the same table code runs on both: statements are written in the SQL both databases accept
 * (`?` placeholders become `$1…`; each table has a `rowid` column here too) and answer the same
 * plain rows. A violated constraint throws with the code the store tells apart
 * (`SQLITE_CONSTRAINT_PRIMARYKEY`, `…_UNIQUE`, `…_FOREIGNKEY`, see `sqlite-constraint.ts`), the
 * PostgreSQL error as its cause. `immediate` transactions hold one advisory lock, so they run one
 * at a time across processes, as SQLite's do. `pragma` is SQLite's alone and throws.
 * @internal
 */
export interface PgDatabase extends SqliteDatabase {
  /** The bridge itself, for PostgreSQL-only statements (`$1…` placeholders). */
  readonly bridge: SyncBridge
}

/** The advisory lock every {@link PgDatabase.immediate} transaction holds. */
const IMMEDIATE_LOCK = 7_001_734

/** Opens one connection to the database at `url`. @internal */
export function openPgDatabase(url: string): PgDatabase {
  const bridge = openSyncBridge(url)
  let open = true
  let statements = 0
  const run = (text: string, values: readonly unknown[], name?: string) => {
    try {
      return bridge.query(text, values, name)
    } catch (error) {
      throw asStoreConstraint(error)
    }
  }
  return {
    bridge,
    get open() {
      return open
    },
    prepare<P extends unknown[], R>(sql: string): SqliteStatement<P, R> {
      const text = numberPlaceholders(sql)
      // Prepared once on the connection, like SQLite's statements.
      const name = `s${++statements}`
      return {
        run: (...params) => ({ changes: run(text, params, name).rowCount }),
        get: (...params) => run(text, params, name).rows[0] as R | undefined,
        all: (...params) => run(text, params, name).rows as R[],
      }
    },
    exec(sql) {
      run(sql, [])
    },
    pragma(source) {
      throw new Error(`postgres: PRAGMA ${source} is SQLite's`)
    },
    immediate(fn) {
      run('BEGIN', [])
      // SQLite's BEGIN IMMEDIATE takes the database's one write lock up front, so two processes
      // never both read then write; this lock, held until COMMIT, does the same here.
      run('SELECT pg_advisory_xact_lock($1)', [IMMEDIATE_LOCK], 'immediate')
      try {
        const result = fn()
        run('COMMIT', [])
        return result
      } catch (error) {
        // A dead connection cannot roll back; its transaction ends with it. Report the first error.
        try {
          run('ROLLBACK', [])
        } catch {}
        throw error
      }
    },
    close() {
      if (!open) return
      open = false
      bridge.close()
    },
  }
}

/** `sql` with each `?` outside a quoted string replaced by `$1`, `$2`, … in order. */
export function numberPlaceholders(sql: string): string {
  let n = 0
  let quoted = false
  let out = ''
  for (const char of sql) {
    if (char === "'") quoted = !quoted
    out += char === '?' && !quoted ? `$${++n}` : char
  }
  return out
}

/** SQLSTATEs of violated constraints, and the code the store's table code tells apart. */
function asStoreConstraint(error: unknown): unknown {
  const { sqlState, constraint } = error as { sqlState?: string; constraint?: string }
  const kind =
    sqlState === '23503'
      ? 'FOREIGNKEY'
      : sqlState === '23505'
        ? constraint?.endsWith('_pkey')
          ? 'PRIMARYKEY'
          : 'UNIQUE'
        : undefined
  if (kind === undefined) return error
  const mapped = new Error((error as Error).message, { cause: error }) as Error & { code: string }
  mapped.code = `SQLITE_CONSTRAINT_${kind}`
  return mapped
}
