import type { AnyNodeSpec } from '@shotchain/graph'

/** What `issueText` reads of a problem: the document's (`Issue`) or the server's (`ApiIssue`). */
export interface IssueLike {
  readonly code?: string | undefined
  readonly message: string
  readonly field?: string | undefined
}

/**
 * A problem with a node as its card says it, on the node itself: an input with nothing
 * connected reads "Nothing connected to Prompt yet: drag a wire into it" (the port's label, not
 * "input "prompt" of node "shot2" (Kling O1) needs an edge"); any other problem is its field,
 * then its message.
 * @public
 */
export function issueText(issue: IssueLike, spec: AnyNodeSpec | undefined): string {
  if (issue.code === 'missing-input' && issue.field) {
    const label = spec?.inputs[issue.field]?.label ?? issue.field
    return `Nothing connected to ${label} yet: drag a wire into it`
  }
  return issue.field ? `${issue.field}: ${issue.message}` : issue.message
}

/**
 * Whether a document issue marks its node as wrong (red border, badge, the map's outline): every
 * error, and the node's own check (which the graph reports as a warning).
 */
export function marksNode(issue: { readonly severity: string; readonly code: string }): boolean {
  return issue.severity === 'error' || issue.code === 'node-check'
}
