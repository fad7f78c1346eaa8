import type { WorkflowDocument } from '../document/types.ts'
import type { AnyNodeSpec } from '../spec/node-spec.ts'
import { takeRunIds } from '../takes/takes.ts'
import { formatPath, type Issue } from './issue.ts'

/**
 * Takes a run could not keep apart or would not need, each an error at the node's `takes`: on a
 * node one of whose take ids (`shot-2#take2`) another node has as its own id, and on a node that
 * is not a paid generation (its spec has no `cost`), which makes the same result every time.
 */
export function takeProblems(
  doc: WorkflowDocument,
  specs: readonly (AnyNodeSpec | undefined)[],
): Issue[] {
  const issues: Issue[] = []
  const ids = new Set(doc.nodes.map((node) => node.id))
  doc.nodes.forEach((node, i) => {
    const spec = specs[i]
    if (node.takes === undefined || node.takes.count === 1 || spec === undefined) return
    const taken = takeRunIds(node).find((id) => id !== node.id && ids.has(id))
    if (taken !== undefined) {
      issues.push({
        code: 'node-check',
        path: formatPath(['nodes', i, 'takes']),
        message: `another node has the id "${taken}", which a run gives one of this node's takes: rename it`,
        severity: 'error',
        nodeId: node.id,
        field: 'takes',
      })
    }
    if (spec.cost !== undefined) return
    issues.push({
      code: 'node-check',
      path: formatPath(['nodes', i, 'takes']),
      message: `"${spec.title}" makes the same result every time: only a paid generation has takes`,
      severity: 'error',
      nodeId: node.id,
      field: 'takes',
    })
  })
  return issues
}
