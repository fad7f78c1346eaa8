/** What kind of problem an issue reports; stable, for code to compare. */
export type IssueCode =
  | 'invalid-json'
  | 'invalid-shape'
  /** A field the format does not know; dropped on load (a warning). */
  | 'unknown-field'
  | 'unsupported-version'
  | 'duplicate-id'
  | 'dangling-edge'
  | 'unknown-node-type'
  | 'unknown-port'
  | 'type-mismatch'
  | 'input-taken'
  | 'missing-input'
  | 'missing-order'
  | 'cycle'
  | 'invalid-param'
  | 'node-check'
  /** A command names a node or edge the document does not have. */
  | 'not-found'
  | 'unknown-target'

/**
 * A problem with a user's document, named by the JSON path at fault
 * (`nodes[3].params.duration`) and said in words a person can act on.
 */
export interface Issue {
  readonly code: IssueCode
  readonly path: string
  readonly message: string
  readonly severity: 'error' | 'warning'
  /** The node at fault, when there is one (for a cycle, the first node of it). */
  readonly nodeId?: string
  /** Every node involved, e.g. all the nodes of a cycle. */
  readonly nodeIds?: readonly string[]
  /** The param or port at fault inside the node. */
  readonly field?: string
}

/** Joins path segments the way issues print them: `nodes[3].params.duration`. */
export function formatPath(segments: readonly (string | number | symbol)[]): string {
  let out = ''
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`
    else out += out === '' ? String(s) : `.${String(s)}`
  }
  return out
}

/** `path: message`, the one-line form used in logs and CLI output. */
export function formatIssue(issue: Issue): string {
  return issue.path === '' ? issue.message : `${issue.path}: ${issue.message}`
}

/** Whether any issue is an error (warnings do not stop a run). */
export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((i) => i.severity === 'error')
}
