import type { Issue, NodeRegistry, WorkflowDocument } from '@shotchain/graph'
import type { GraphIndex } from './graph-index.ts'

type TargetResult =
  | { readonly ok: true; readonly ids: readonly string[] }
  | { readonly ok: false; readonly issues: readonly Issue[] }

/**
 * The nodes a run must produce: the ones asked for, else every output node, else (a document
 * with no output node, e.g. while it is being built) every node.
 */
export function resolveTargets(
  doc: WorkflowDocument,
  registry: NodeRegistry,
  index: GraphIndex,
  asked: readonly string[] | undefined,
): TargetResult {
  if (asked !== undefined) {
    const issues: Issue[] = []
    asked.forEach((id, i) => {
      if (!index.nodes.has(id)) {
        issues.push({
          code: 'unknown-target',
          path: `targets[${i}]`,
          message: `there is no node "${id}" to run to`,
          severity: 'error',
        })
      }
    })
    return issues.length > 0 ? { ok: false, issues } : { ok: true, ids: [...new Set(asked)] }
  }
  const outputs = doc.nodes.filter((n) => registry.get(n.type)?.isOutput === true).map((n) => n.id)
  return { ok: true, ids: outputs.length > 0 ? outputs : doc.nodes.map((n) => n.id) }
}

/**
 * Splits a document's issues into those that stop this run (errors in a needed node, or in the
 * document as a whole) and the rest, which the plan carries as warnings.
 */
export function blockingIssues(
  issues: readonly Issue[],
  needed: ReadonlySet<string>,
): { blocking: Issue[]; warnings: Issue[] } {
  const blocking: Issue[] = []
  const warnings: Issue[] = []
  for (const issue of issues) {
    const ids = issue.nodeIds ?? (issue.nodeId === undefined ? [] : [issue.nodeId])
    const stops =
      issue.severity === 'error' && (ids.length === 0 || ids.some((id) => needed.has(id)))
    ;(stops ? blocking : warnings).push(issue)
  }
  return { blocking, warnings }
}
