import type { WorkflowDocument } from '@shotchain/graph'

/** A saved workflow in a listing: everything but its document. */
export interface WorkflowSummary {
  readonly id: string
  readonly name: string
  /** 1 when created, +1 on each save; a save names the revision it was based on. */
  readonly revision: number
  /** Milliseconds since the epoch. */
  readonly updatedAt: number
}

/** A saved workflow with its document. */
export interface SavedWorkflow extends WorkflowSummary {
  readonly doc: WorkflowDocument
}

/** One thing wrong with a document, named by its JSON path (`nodes[0].params.path`). */
export interface ProblemDetail {
  readonly path: string
  readonly message: string
}

/** Why a storage call did nothing, in words a person can act on. */
export type StorageFailure =
  /** Someone saved a newer revision since this one was opened; nothing was overwritten. */
  | { readonly kind: 'conflict'; readonly message: string; readonly revision: number }
  /** The document was refused (or a stored copy is damaged); `issues` say where. */
  | {
      readonly kind: 'refused'
      readonly message: string
      readonly issues: readonly ProblemDetail[]
    }
  | { readonly kind: 'not-found'; readonly message: string }
  /** The server cannot be reached or failed, or the browser's storage is full. */
  | { readonly kind: 'unavailable'; readonly message: string }

export type StorageResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly failure: StorageFailure }

/**
 * Where workflows are saved: the server when it is there, else this browser. Every call
 * resolves (never rejects) with the result or a failure.
 */
export interface WorkflowStorage {
  /** `server`: the Shotchain server's store; `local`: this browser's localStorage. */
  readonly kind: 'server' | 'local'
  /** Every saved workflow, most recently saved first. */
  list(): Promise<StorageResult<readonly WorkflowSummary[]>>
  open(id: string): Promise<StorageResult<SavedWorkflow>>
  /** Saves a new workflow at revision 1 under a fresh id. */
  create(doc: WorkflowDocument): Promise<StorageResult<SavedWorkflow>>
  /** Replaces the document if the stored revision is still `revision`, else a `conflict`. */
  save(id: string, doc: WorkflowDocument, revision: number): Promise<StorageResult<SavedWorkflow>>
  remove(id: string): Promise<StorageResult<void>>
}

/** A failed result. */
export function failed<T>(failure: StorageFailure): StorageResult<T> {
  return { ok: false, failure }
}
