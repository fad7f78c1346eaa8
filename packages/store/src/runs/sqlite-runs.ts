import type { WorkflowDocument } from '@shotchain/graph'
import type { SqliteDatabase } from '../db/sqlite.ts'
import { storeError } from '../db/store-error.ts'
import { decodeDocument, encodeDocument } from '../db/stored-document.ts'
import { createSqliteRunLeases, type RunLeases } from './sqlite-run-leases.ts'

/** Where a run is: `running` until {@link RunStore.finish} records how it ended. */
export type RunStatus = 'running' | 'succeeded' | 'failed' | 'cancelled'

/** How a run can end. */
export type FinishedRunStatus = Exclude<RunStatus, 'running'>

/** A run about to start. */
export interface NewRun {
  readonly id: string
  /** The workflow it was started from; a plain reference, kept after that workflow is deleted. */
  readonly workflowId: string
  /** The frozen snapshot the run executes; later edits of the workflow do not reach it. */
  readonly doc: WorkflowDocument
  /** The nodes asked for ("run to node X"); `undefined` runs the whole workflow. */
  readonly targets: readonly string[] | undefined
  readonly estimateUsd: number
  /** The most the run may commit, across its executions; none when undefined. */
  readonly budgetUsd?: number | undefined
  readonly createdAt: number
}

/** A run as stored. */
export interface StoredRun extends NewRun {
  readonly budgetUsd: number | undefined
  readonly status: RunStatus
  /** What the run paid, once finished (`undefined` when unknown). */
  readonly spentUsd: number | undefined
  readonly finishedAt: number | undefined
  /** Nodes a person chose to resubmit although their earlier submit may have reached fal. */
  readonly resubmit: readonly string[]
}

/** The runs, each with its own document snapshot, and who executes each (its lease). */
export interface RunStore extends RunLeases {
  /**
   * Records a run as `running`. Throws a `validation` StoreError when the id is taken (field
   * `id`) or the document would not load back (field `doc`).
   */
  create(run: NewRun): StoredRun
  get(id: string): StoredRun | undefined
  /** The runs started from `workflowId`, newest first (with their documents). */
  list(workflowId: string): StoredRun[]
  /** Runs still `running` — a restarted server resumes them — oldest first. */
  unfinished(): StoredRun[]
  /**
   * Records how a running run ended. A run that has already ended keeps its first outcome (a
   * cancel that lands before the runner's own `failed` stays `cancelled`). Throws an `internal`
   * StoreError for an unknown run.
   */
  finish(id: string, status: FinishedRunStatus, spentUsd: number | undefined, at: number): void
  /**
   * Records a person's decision to resubmit these nodes' ambiguous submits when the run resumes
   * (replacing any earlier list). Throws an `internal` StoreError for an unknown run.
   */
  setResubmit(id: string, nodeIds: readonly string[]): void
  /**
   * Runs still `running` that no process holds a live lease on (never leased, given back, or run
   * out at `now`), oldest first: a server process takes them over (see {@link RunLeases.claim}).
   */
  claimable(now: number): StoredRun[]
}

interface RunRow {
  readonly id: string
  readonly workflow_id: string
  readonly doc: string
  readonly targets: string | null
  readonly status: RunStatus
  readonly estimate_usd: number
  readonly budget_usd: number | null
  readonly spent_usd: number | null
  readonly created_at: number
  readonly finished_at: number | null
  readonly resubmit: string
}

function toRun(row: RunRow, doc?: WorkflowDocument): StoredRun {
  return {
    id: row.id,
    workflowId: row.workflow_id,
    doc: doc ?? decodeDocument(row.doc, `run "${row.id}"`),
    targets: row.targets === null ? undefined : readIds(row.targets),
    status: row.status,
    estimateUsd: row.estimate_usd,
    budgetUsd: row.budget_usd ?? undefined,
    spentUsd: row.spent_usd ?? undefined,
    createdAt: row.created_at,
    finishedAt: row.finished_at ?? undefined,
    resubmit: readIds(row.resubmit),
  }
}

function readIds(text: string): readonly string[] {
  return Object.freeze(JSON.parse(text) as string[])
}

/** A {@link RunStore} in the `runs` table; each write is one autocommitted statement. */
export function createSqliteRuns(db: SqliteDatabase): RunStore {
  const columns = 'SELECT * FROM runs'
  const select = db.prepare<[string], RunRow>(`${columns} WHERE id = ?`)
  const selectByWorkflow = db.prepare<[string], RunRow>(
    `${columns} WHERE workflow_id = ? ORDER BY created_at DESC, rowid DESC`,
  )
  const selectRunning = db.prepare<[], RunRow>(
    `${columns} WHERE status = 'running' ORDER BY created_at, rowid`,
  )
  const insert = db.prepare<
    [string, string, string, string | null, number, number | null, number],
    RunRow
  >(
    `INSERT INTO runs (id, workflow_id, doc, targets, status, estimate_usd, budget_usd, created_at)
     VALUES (?, ?, ?, ?, 'running', ?, ?, ?) ON CONFLICT (id) DO NOTHING RETURNING *`,
  )
  const finish = db.prepare<[string, number | null, number, string]>(
    `UPDATE runs SET status = ?, spent_usd = ?, finished_at = ? WHERE id = ? AND status = 'running'`,
  )
  const selectClaimable = db.prepare<[number], RunRow>(
    `${columns} WHERE status = 'running' AND (lease_owner IS NULL OR lease_until <= ?)
     ORDER BY created_at, rowid`,
  )
  const setResubmit = db.prepare<[string, string]>('UPDATE runs SET resubmit = ? WHERE id = ?')
  const exists = db.prepare<[string], { id: string }>('SELECT id FROM runs WHERE id = ?')

  return {
    ...createSqliteRunLeases(db),
    claimable: (now) => selectClaimable.all(now).map((row) => toRun(row)),
    create(run) {
      const encoded = encodeDocument(run.doc)
      const targets = run.targets === undefined ? null : JSON.stringify([...run.targets])
      const row = insert.get(
        run.id,
        run.workflowId,
        encoded.text,
        targets,
        run.estimateUsd,
        run.budgetUsd ?? null,
        run.createdAt,
      )
      if (row === undefined)
        throw storeError('validation', `a run with id "${run.id}" already exists`, { field: 'id' })
      return toRun(row, encoded.doc)
    },
    get(id) {
      const row = select.get(id)
      return row === undefined ? undefined : toRun(row)
    },
    list: (workflowId) => selectByWorkflow.all(workflowId).map((row) => toRun(row)),
    unfinished: () => selectRunning.all().map((row) => toRun(row)),
    finish(id, status, spentUsd, at) {
      if (finish.run(status, spentUsd ?? null, at, id).changes === 0 && !exists.get(id))
        throw storeError('internal', `runs: finish for unknown run "${id}"`)
    },
    setResubmit(id, nodeIds) {
      if (setResubmit.run(JSON.stringify([...nodeIds]), id).changes === 0)
        throw storeError('internal', `runs: resubmit for unknown run "${id}"`)
    },
  }
}
