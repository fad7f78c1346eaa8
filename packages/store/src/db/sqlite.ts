import Libsql from 'libsql'

/**
 * The SQLite binding, narrowed to what the store uses and made to answer like better-sqlite3.
 *
 * libsql installs prebuilt from the npm registry (no compiler, no download elsewhere), but its
 * rows carry an extra `_metadata` field, `pluck().get()` still answers the whole row, and a single
 * object argument (a Buffer, null) is taken for named parameters. This wrapper answers plain rows,
 * binds parameters by position only and reads pragmas as values; its test pins each difference.
 * @internal
 */
export interface SqliteDatabase {
  /** False once closed. */
  readonly open: boolean
  /** Prepares `sql` once; the statement binds its parameters by position. */
  prepare<P extends unknown[] = unknown[], R = unknown>(sql: string): SqliteStatement<P, R>
  /** Runs one or more statements with no parameters and no rows. */
  exec(sql: string): void
  /** Runs `PRAGMA source`; returns the first column of the first row (undefined when none). */
  pragma(source: string): unknown
  /**
   * Runs `fn` inside `BEGIN IMMEDIATE … COMMIT` (the write lock taken at the start, so two
   * processes never both read then write); rolls back and rethrows when `fn` throws.
   */
  immediate<T>(fn: () => T): T
  /** Closes the connection. Safe to call twice. */
  close(): void
}

/** @internal */
export interface SqliteStatement<P extends unknown[], R> {
  /** Runs the statement; `changes` is the number of rows it wrote. */
  run(...params: P): { changes: number }
  /** The first row as a plain object of its columns, or undefined. */
  get(...params: P): R | undefined
  /** Every row, each a plain object of its columns. */
  all(...params: P): R[]
}

export interface OpenSqliteOptions {
  /** How long a statement waits for another connection's lock before SQLITE_BUSY. */
  readonly busyTimeoutMs: number
}

type RawRow = Record<string, unknown> & { _metadata?: unknown }

function plainRow<R>(raw: unknown): R | undefined {
  if (raw === undefined || raw === null) return undefined
  const { _metadata: _, ...row } = raw as RawRow
  return row as R
}

/**
 * Opens (creating if missing) the SQLite file at `path`. Throws the binding's error when it cannot.
 * @internal
 */
export function openSqlite(path: string, options: OpenSqliteOptions): SqliteDatabase {
  const db = new Libsql(path, { timeout: options.busyTimeoutMs })
  return {
    get open() {
      return db.open
    },
    prepare<P extends unknown[], R>(sql: string): SqliteStatement<P, R> {
      const statement = db.prepare(sql)
      // One array argument is always bound by position, whatever its elements are.
      return {
        run: (...params) => ({ changes: statement.run(params).changes }),
        get: (...params) => plainRow<R>(statement.get(params)),
        all: (...params) => statement.all(params).map((row) => plainRow<R>(row) as R),
      }
    },
    exec(sql) {
      db.exec(sql)
    },
    pragma(source) {
      const statement = db.prepare(`PRAGMA ${source}`)
      // Setting some pragmas answers no rows, and the binding refuses raw mode for those.
      if (!statement.reader) {
        statement.run([])
        return undefined
      }
      const row = statement.raw().get([]) as unknown[] | undefined
      return row?.[0]
    },
    immediate(fn) {
      db.exec('BEGIN IMMEDIATE')
      try {
        const result = fn()
        db.exec('COMMIT')
        return result
      } catch (error) {
        if (db.inTransaction) db.exec('ROLLBACK')
        throw error
      }
    },
    close() {
      if (db.open) db.close()
    },
  }
}
