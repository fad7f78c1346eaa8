import type { SqliteDatabase } from '../db/sqlite.ts'
import { isConstraintError } from '../db/sqlite-constraint.ts'
import { storeError } from '../db/store-error.ts'

/** Why a node failed, as the engine reports it (a catalogue code, a message, the field at fault). */
export interface NodeRunError {
  readonly code: string
  readonly message: string
  readonly field?: string
}

/** A node's latest state in a run, as {@link NodeRunStore.set} receives it. */
export interface NodeRunState {
  readonly status: string
  /** The fal request id, once known; a later state without one keeps it. */
  readonly requestId?: string
  readonly error?: NodeRunError
  readonly at: number
}

/** A node's latest state in a run, as stored. */
export interface StoredNodeRun {
  readonly nodeId: string
  readonly status: string
  readonly requestId?: string
  readonly error?: NodeRunError
  readonly updatedAt: number
}

/** The latest state of each node of each run. */
export interface NodeRunStore {
  /**
   * Records a node's state (replacing the previous one, but keeping a known request id when
   * `state` has none, and dropping an earlier error when `state` has none). Throws an `internal`
   * StoreError for an unknown run.
   */
  set(runId: string, nodeId: string, state: NodeRunState): void
  /** The run's nodes, in the order they were first recorded. */
  list(runId: string): StoredNodeRun[]
}

interface NodeRunRow {
  readonly node_id: string
  readonly status: string
  readonly request_id: string | null
  readonly error: string | null
  readonly updated_at: number
}

function toNodeRun(row: NodeRunRow): StoredNodeRun {
  return {
    nodeId: row.node_id,
    status: row.status,
    ...(row.request_id === null ? {} : { requestId: row.request_id }),
    ...(row.error === null ? {} : { error: JSON.parse(row.error) as NodeRunError }),
    updatedAt: row.updated_at,
  }
}

function errorJson(error: NodeRunError): string {
  const { code, message, field } = error
  return JSON.stringify(field === undefined ? { code, message } : { code, message, field })
}

/** A {@link NodeRunStore} in the `node_runs` table; each write is one autocommitted statement. */
export function createSqliteNodeRuns(db: SqliteDatabase): NodeRunStore {
  const upsert = db.prepare<[string, string, string, string | null, string | null, number]>(
    `INSERT INTO node_runs (run_id, node_id, status, request_id, error, updated_at)
     VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (run_id, node_id) DO UPDATE SET
       status = excluded.status,
       request_id = coalesce(excluded.request_id, node_runs.request_id),
       error = excluded.error,
       updated_at = excluded.updated_at`,
  )
  const selectAll = db.prepare<[string], NodeRunRow>(
    `SELECT node_id, status, request_id, error, updated_at FROM node_runs
     WHERE run_id = ? ORDER BY rowid`,
  )
  return {
    set(runId, nodeId, state) {
      const error = state.error === undefined ? null : errorJson(state.error)
      try {
        upsert.run(runId, nodeId, state.status, state.requestId ?? null, error, state.at)
      } catch (cause) {
        if (isConstraintError(cause, 'FOREIGNKEY'))
          throw storeError('internal', `node runs: unknown run "${runId}"`, { cause })
        throw cause
      }
    },
    list: (runId) => selectAll.all(runId).map(toNodeRun),
  }
}
