import type { WorkflowDocument } from '../document/types.ts'
import { outputNameOf } from '../roles/role-queries.ts'
import type { AnyNodeSpec } from '../spec/node-spec.ts'
import { formatPath, type Issue } from './issue.ts'

/**
 * Two output nodes that would keep their results under one file name (the second would overwrite
 * the first's file): an error on each later one, at its name param. A node with no name keeps its
 * result under its id, which no other node has.
 */
export function outputNameClashes(
  doc: WorkflowDocument,
  specs: readonly (AnyNodeSpec | undefined)[],
): Issue[] {
  const issues: Issue[] = []
  const firstWith = new Map<string, string>()
  doc.nodes.forEach((node, i) => {
    const role = specs[i]?.role
    if (role?.kind !== 'output') return
    const name = outputNameOf(node, role)
    const first = firstWith.get(name)
    if (first === undefined) {
      firstWith.set(name, node.id)
      return
    }
    const field = role.name ?? 'name'
    issues.push({
      code: 'node-check',
      path: formatPath(['nodes', i, 'params', field]),
      message: `output "${first}" already keeps its result as "${name}": give this one another name`,
      severity: 'error',
      nodeId: node.id,
      field,
    })
  })
  return issues
}
