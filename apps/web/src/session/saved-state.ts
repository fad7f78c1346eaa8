import { serializeWorkflow, type WorkflowDocument } from '@shotchain/graph'
import type { SavedWorkflow, StorageFailure, WorkflowStorage } from '../storage/workflow-storage.ts'

/** What the app knows of the open workflow's saved copy. */
export interface SavedState {
  /** Its id in the storage; undefined while it was never saved (new, imported, or deleted). */
  readonly id: string | undefined
  /** The revision the open document is based on; a save names it. 0 when never saved. */
  readonly revision: number
  /** The document as last saved or opened; the open one is unchanged while it is this one. */
  readonly doc: WorkflowDocument | undefined
}

/** A workflow that was never saved (New, Import). */
export const NEVER_SAVED: SavedState = { id: undefined, revision: 0, doc: undefined }

/** The state of a workflow just opened or saved. */
export function savedStateOf(workflow: SavedWorkflow, doc = workflow.doc): SavedState {
  return { id: workflow.id, revision: workflow.revision, doc }
}

/**
 * Whether `doc` has changes its saved copy lacks. Documents are immutable, so the same object is
 * unchanged at once; another one is compared by content, since undo back to the saved state
 * builds an equal document anew (its stable serialization: equal documents give equal text).
 */
export function hasUnsavedChanges(state: SavedState, doc: WorkflowDocument): boolean {
  if (state.doc === doc) return false
  if (state.doc === undefined) return true
  return serializeWorkflow(state.doc) !== serializeWorkflow(doc)
}

export type SaveOutcome =
  | { readonly ok: true; readonly state: SavedState }
  | { readonly ok: false; readonly state: SavedState; readonly failure: StorageFailure }

/**
 * Saves `doc`: creates it when it was never saved, else saves it on the revision it is based
 * on — or on `basedOn`, the revision a conflict reported, when the person chose to keep their
 * version. A conflict changes nothing; a workflow deleted meanwhile becomes never-saved, so
 * the next save creates it again.
 * @example
 * const outcome = await saveWorkflow(storage, state, history.doc)
 * if (!outcome.ok && outcome.failure.kind === 'conflict') askReloadOrKeepMine(outcome.failure.revision)
 */
export async function saveWorkflow(
  storage: WorkflowStorage,
  state: SavedState,
  doc: WorkflowDocument,
  basedOn?: number,
): Promise<SaveOutcome> {
  const result =
    state.id === undefined
      ? await storage.create(doc)
      : await storage.save(state.id, doc, basedOn ?? state.revision)
  if (result.ok) return { ok: true, state: savedStateOf(result.value, doc) }
  if (result.failure.kind === 'not-found') {
    return {
      ok: false,
      state: { ...NEVER_SAVED, doc: state.doc },
      failure: {
        kind: 'not-found',
        message:
          'this workflow was deleted since you opened it (in another tab or window); save again to keep your version as a new workflow',
      },
    }
  }
  return { ok: false, state, failure: result.failure }
}
