import type { Draft } from 'immer'
import type { WorkflowDocument } from '../document/types.ts'
import type { Path } from '../util/path.ts'
import { formatPath, type Issue, type IssueCode } from '../validate/issue.ts'

/** How one command changes a draft of the document. */
export type Recipe = (draft: Draft<WorkflowDocument>) => void

/**
 * A command checked against the current document: refused with issues, or accepted with the
 * recipe that carries it out (`undefined` when it changes nothing). Checks read the plain,
 * frozen document; only the recipe touches the draft.
 */
export type CommandStep =
  | { readonly ok: true; readonly recipe: Recipe | undefined }
  | { readonly ok: false; readonly issues: Issue[] }

/** Accepts a command; `undefined` when it changes nothing. */
export function accept(recipe: Recipe | undefined): CommandStep {
  return { ok: true, recipe }
}

/** Refuses a command with the issues that say why. */
export function refuse(issues: Issue[]): CommandStep {
  return { ok: false, issues }
}

/** An error issue about a command, at `path` inside it. */
export function commandIssue(code: IssueCode, path: Path, message: string, nodeId?: string): Issue {
  return {
    code,
    path: formatPath(path),
    message,
    severity: 'error',
    ...(nodeId === undefined ? {} : { nodeId }),
  }
}

/** The index of node `id`, or a `not-found` refusal naming `path`. */
export function findNode(
  doc: WorkflowDocument,
  id: unknown,
  path: Path,
): { ok: true; index: number } | { ok: false; issues: Issue[] } {
  const index = doc.nodes.findIndex((node) => node.id === id)
  if (index !== -1) return { ok: true, index }
  return {
    ok: false,
    issues: [commandIssue('not-found', path, `there is no node "${String(id)}"`)],
  }
}

/** The index of edge `id`, or a `not-found` refusal naming `path`. */
export function findEdge(
  doc: WorkflowDocument,
  id: unknown,
  path: Path,
): { ok: true; index: number } | { ok: false; issues: Issue[] } {
  const index = doc.edges.findIndex((edge) => edge.id === id)
  if (index !== -1) return { ok: true, index }
  return {
    ok: false,
    issues: [commandIssue('not-found', path, `there is no edge "${String(id)}"`)],
  }
}

/** The draft's node at `index`, which the command's checks found. */
export function draftNode(draft: Draft<WorkflowDocument>, index: number) {
  const node = draft.nodes[index]
  if (node === undefined) throw new Error(`graph: no node at index ${index} of the draft`)
  return node
}
