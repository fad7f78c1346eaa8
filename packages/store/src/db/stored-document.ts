import {
  formatIssue,
  type Issue,
  parseWorkflow,
  serializeWorkflow,
  type WorkflowDocument,
} from '@shotchain/graph'
import { storeError } from './store-error.ts'

/** A document as stored (its text) and as read back (frozen, through `parseWorkflow`). */
export interface EncodedDocument {
  readonly text: string
  readonly doc: WorkflowDocument
}

/**
 * Serializes `doc` and reads it back, so nothing is stored that a later read could not load.
 * Throws a `validation` StoreError (field `doc`) when the document does not survive the round trip.
 */
export function encodeDocument(doc: WorkflowDocument): EncodedDocument {
  let text: string
  try {
    text = serializeWorkflow(doc)
  } catch (cause) {
    // Only a value that is not a document at all (a caller past the types) gets here.
    throw storeError('validation', 'the workflow cannot be stored: it is not a workflow document', {
      field: 'doc',
      cause,
    })
  }
  const parsed = parseWorkflow(text)
  if (!parsed.ok)
    throw storeError('validation', `the workflow cannot be stored: ${describe(parsed.issues)}`, {
      field: 'doc',
    })
  return { text, doc: parsed.doc }
}

/** Loads a stored document text; throws an `internal` StoreError when the row is corrupt. */
export function decodeDocument(text: string, owner: string): WorkflowDocument {
  const parsed = parseWorkflow(text)
  if (!parsed.ok)
    throw storeError(
      'internal',
      `${owner}: the stored workflow does not load: ${describe(parsed.issues)}`,
    )
  return parsed.doc
}

function describe(issues: readonly Issue[]): string {
  return issues.map(formatIssue).join('; ')
}
