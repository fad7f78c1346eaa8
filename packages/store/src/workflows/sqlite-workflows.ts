import type { WorkflowDocument } from '@shotchain/graph'
import type { SqliteDatabase } from '../db/sqlite.ts'
import { storeError } from '../db/store-error.ts'
import { decodeDocument, encodeDocument } from '../db/stored-document.ts'

/** A workflow in a listing: everything but the document. */
export interface WorkflowSummary {
  readonly id: string
  /** The document's `name` when it was last saved. */
  readonly name: string
  /** 1 when created, +1 on each update; a save names the revision it was based on. */
  readonly revision: number
  readonly createdAt: number
  readonly updatedAt: number
}

/** A saved workflow with its document (frozen, loaded through `parseWorkflow`). */
export interface StoredWorkflow extends WorkflowSummary {
  readonly doc: WorkflowDocument
}

/** What {@link WorkflowStore.update} did. `stale` carries the revision now stored. */
export type WorkflowUpdateResult =
  | { readonly ok: true; readonly workflow: StoredWorkflow }
  | { readonly ok: false; readonly reason: 'not-found' }
  | { readonly ok: false; readonly reason: 'stale'; readonly revision: number }

/** The saved workflows, each with a revision so a stale save is refused, not overwritten. */
export interface WorkflowStore {
  /** Every workflow, most recently updated first. */
  list(): WorkflowSummary[]
  get(id: string): StoredWorkflow | undefined
  /**
   * Saves a new workflow at revision 1. Throws a `validation` StoreError (field `id`) when the
   * id is taken, or (field `doc`) when the document would not load back.
   */
  create(id: string, doc: WorkflowDocument, at: number): StoredWorkflow
  /**
   * Replaces the document if the stored revision is still `expectedRevision` — one atomic
   * compare-and-set, so of two saves based on the same revision (even from two processes)
   * exactly one wins. Throws like {@link create} for a document that would not load back.
   * @example
   * const result = store.workflows.update(id, doc, baseRevision, Date.now())
   * if (!result.ok && result.reason === 'stale') return conflict(result.revision)
   */
  update(
    id: string,
    doc: WorkflowDocument,
    expectedRevision: number,
    at: number,
  ): WorkflowUpdateResult
  /** Removes the workflow; its runs stay (each keeps its own snapshot). False when unknown. */
  delete(id: string): boolean
}

interface WorkflowRow {
  readonly id: string
  readonly name: string
  readonly doc: string
  readonly revision: number
  readonly created_at: number
  readonly updated_at: number
}

type SummaryRow = Omit<WorkflowRow, 'doc'>

function toSummary(row: SummaryRow): WorkflowSummary {
  return {
    id: row.id,
    name: row.name,
    revision: row.revision,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

/** A {@link WorkflowStore} in the `workflows` table; each write is one autocommitted statement. */
export function createSqliteWorkflows(db: SqliteDatabase): WorkflowStore {
  const selectAll = db.prepare<[], SummaryRow>(
    `SELECT id, name, revision, created_at, updated_at FROM workflows
     ORDER BY updated_at DESC, id`,
  )
  const select = db.prepare<[string], WorkflowRow>('SELECT * FROM workflows WHERE id = ?')
  const selectRevision = db.prepare<[string], { revision: number }>(
    'SELECT revision FROM workflows WHERE id = ?',
  )
  const insert = db.prepare<[string, string, string, number, number], SummaryRow>(
    `INSERT INTO workflows (id, name, doc, revision, created_at, updated_at)
     VALUES (?, ?, ?, 1, ?, ?) ON CONFLICT (id) DO NOTHING
     RETURNING id, name, revision, created_at, updated_at`,
  )
  const compareAndSet = db.prepare<[string, string, number, string, number], SummaryRow>(
    `UPDATE workflows SET name = ?, doc = ?, updated_at = ?, revision = revision + 1
     WHERE id = ? AND revision = ?
     RETURNING id, name, revision, created_at, updated_at`,
  )
  const remove = db.prepare<[string]>('DELETE FROM workflows WHERE id = ?')

  return {
    list: () => selectAll.all().map(toSummary),
    get(id) {
      const row = select.get(id)
      if (row === undefined) return undefined
      return { ...toSummary(row), doc: decodeDocument(row.doc, `workflow "${id}"`) }
    },
    create(id, doc, at) {
      const encoded = encodeDocument(doc)
      const row = insert.get(id, encoded.doc.name, encoded.text, at, at)
      if (row === undefined)
        throw storeError('validation', `a workflow with id "${id}" already exists`, {
          field: 'id',
        })
      return { ...toSummary(row), doc: encoded.doc }
    },
    update(id, doc, expectedRevision, at) {
      const encoded = encodeDocument(doc)
      const row = compareAndSet.get(encoded.doc.name, encoded.text, at, id, expectedRevision)
      if (row !== undefined) return { ok: true, workflow: { ...toSummary(row), doc: encoded.doc } }
      // The write did nothing; this read only explains why (a later save may have moved it on).
      const current = selectRevision.get(id)
      if (current === undefined) return { ok: false, reason: 'not-found' }
      return { ok: false, reason: 'stale', revision: current.revision }
    },
    delete: (id) => remove.run(id).changes > 0,
  }
}
