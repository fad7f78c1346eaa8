import {
  type Issue,
  type IssueCode,
  type NodeRegistry,
  validateDocument,
  type WorkflowDocument,
} from '@shotchain/graph'

/** Edge problems the canvas refuses while dragging, and so refuses in a loaded document too. */
const CONNECTION_CODES: ReadonlySet<IssueCode> = new Set([
  'type-mismatch',
  'input-taken',
  'unknown-port',
  'missing-order',
  'cycle',
])

/**
 * The document's edges the editor would never have drawn: joining different types, a second
 * edge into a single input, unknown ports, list edges without an order, cycles. A load with any
 * of these is refused (with these issues) rather than shown half-right. Other issues — a
 * missing input, an empty prompt — are a workflow in progress and load fine.
 */
export function connectionIssues(doc: WorkflowDocument, registry: NodeRegistry): Issue[] {
  return validateDocument(doc, registry).filter(
    (issue) => issue.severity === 'error' && CONNECTION_CODES.has(issue.code),
  )
}
