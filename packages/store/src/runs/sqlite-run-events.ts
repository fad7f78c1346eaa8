import type { SqliteDatabase } from '../db/sqlite.ts'
import { isConstraintError } from '../db/sqlite-constraint.ts'
import { storeError } from '../db/store-error.ts'

/** One logged event of a run. */
export interface StoredRunEvent {
  readonly seq: number
  /** The event as appended, parsed back from JSON. */
  readonly event: unknown
}

/** Each run's events, numbered by the caller, for replay (SSE `Last-Event-ID`). */
export interface RunEventLog {
  /**
   * Logs `event` (JSON-serializable) as number `seq` (an integer ≥ 1) of the run. Throws an
   * `internal` StoreError when the run already has that seq, the run is unknown, or the event
   * is not JSON.
   */
  append(runId: string, seq: number, event: unknown): void
  /** The run's events numbered above `seq`, in order. `after(runId, 0)` is all of them. */
  after(runId: string, seq: number): StoredRunEvent[]
  /** The highest seq logged for the run; 0 when none. */
  lastSeq(runId: string): number
}

/** A {@link RunEventLog} in the `run_events` table; each append is one autocommitted statement. */
export function createSqliteRunEvents(db: SqliteDatabase): RunEventLog {
  const insert = db.prepare<[string, number, string]>(
    'INSERT INTO run_events (run_id, seq, event) VALUES (?, ?, ?)',
  )
  const selectAfter = db.prepare<[string, number], { seq: number; event: string }>(
    'SELECT seq, event FROM run_events WHERE run_id = ? AND seq > ? ORDER BY seq',
  )
  const selectLast = db.prepare<[string], { seq: number }>(
    'SELECT coalesce(max(seq), 0) AS seq FROM run_events WHERE run_id = ?',
  )
  return {
    append(runId, seq, event) {
      if (!Number.isSafeInteger(seq) || seq < 1)
        throw storeError('internal', `run events: seq must be an integer ≥ 1, not ${seq}`)
      const text = toJson(event)
      if (text === undefined)
        throw storeError('internal', `run events: event ${seq} of run "${runId}" is not JSON`)
      try {
        insert.run(runId, seq, text)
      } catch (cause) {
        if (isConstraintError(cause, 'PRIMARYKEY'))
          throw storeError('internal', `run events: run "${runId}" already has event ${seq}`, {
            cause,
          })
        if (isConstraintError(cause, 'FOREIGNKEY'))
          throw storeError('internal', `run events: unknown run "${runId}"`, { cause })
        throw cause
      }
    },
    after: (runId, seq) =>
      selectAfter.all(runId, seq).map((row) => ({ seq: row.seq, event: JSON.parse(row.event) })),
    lastSeq: (runId) => selectLast.get(runId)?.seq ?? 0,
  }
}

/** The JSON text of `value`, or `undefined` when it has none (a function, a cycle, a bigint). */
function toJson(value: unknown): string | undefined {
  try {
    const text: unknown = JSON.stringify(value)
    return typeof text === 'string' ? text : undefined
  } catch {
    return undefined
  }
}
