import type { Journal, JournalEntry } from '@shotchain/engine'
import type { SqliteDatabase } from '../db/sqlite.ts'
import { storeError } from '../db/store-error.ts'

interface JournalRow {
  readonly cache_key: string
  readonly state: 'submitting' | 'submitted'
  readonly node_id: string
  readonly run_id: string
  readonly request_id: string | null
  readonly at: number
}

function toEntry(row: JournalRow): JournalEntry {
  const base = { key: row.cache_key, nodeId: row.node_id, runId: row.run_id, at: row.at }
  if (row.state === 'submitting') return { ...base, state: 'submitting' }
  if (row.request_id === null)
    throw storeError('internal', `journal: "${row.cache_key}" is submitted without a request id`)
  return { ...base, state: 'submitted', requestId: row.request_id }
}

/**
 * A {@link Journal} in the `journal_entries` table. Each call is one autocommitted statement on
 * a `synchronous = FULL` connection, so it is on disk before it returns. `record` throws when the
 * key was never begun (a bug in the caller); `clearIf` compares and deletes in one statement.
 */
export function createSqliteJournal(db: SqliteDatabase): Journal {
  const select = db.prepare<[string], JournalRow>(
    'SELECT * FROM journal_entries WHERE cache_key = ?',
  )
  const selectAll = db.prepare<[], JournalRow>('SELECT * FROM journal_entries ORDER BY at, rowid')
  const begin = db.prepare<[string, string, string, number]>(
    `INSERT INTO journal_entries (cache_key, state, node_id, run_id, request_id, at)
     VALUES (?, 'submitting', ?, ?, NULL, ?)
     ON CONFLICT (cache_key) DO NOTHING`,
  )
  const record = db.prepare<[string, number, string]>(
    `UPDATE journal_entries SET state = 'submitted', request_id = ?, at = ? WHERE cache_key = ?`,
  )
  const clear = db.prepare<[string]>('DELETE FROM journal_entries WHERE cache_key = ?')
  const clearIf = db.prepare<[string, string]>(
    `DELETE FROM journal_entries
     WHERE cache_key = ? AND state = 'submitted' AND request_id = ?`,
  )
  return {
    get(key) {
      const row = select.get(key)
      return row === undefined ? undefined : toEntry(row)
    },
    begin(key, info) {
      // One statement: of two processes claiming the same work, exactly one gets it.
      return begin.run(key, info.nodeId, info.runId, info.at).changes === 1
    },
    record(key, requestId, at) {
      if (record.run(requestId, at, key).changes === 0)
        throw storeError('internal', `journal: record for "${key}" that was never begun`)
    },
    clear(key) {
      clear.run(key)
    },
    clearIf(key, requestId) {
      // One statement: compare and delete cannot interleave with another process's claim.
      return clearIf.run(key, requestId).changes === 1
    },
    list: () => selectAll.all().map(toEntry),
  }
}
