import type { Issue, NodeRegistry, WorkflowDocument } from '@shotchain/graph'
import type { GraphIndex } from './graph-index.ts'

type TargetResult =
  | { readonly ok: true; readonly ids: readonly string[]; readonly indexes: readonly number[] }
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
    const indexes: number[] = []
    asked.forEach((id, i) => {
      const at = index.indexOf.get(id)
      if (at !== undefined) {
        if (!indexes.includes(at)) indexes.push(at)
        return
      }
      issues.push({
        code: 'unknown-target',
        path: `targets[${i}]`,
        message: `there is no node "${id}" to run to`,
        severity: 'error',
      })
    })
    if (issues.length > 0) return { ok: false, issues }
    return { ok: true, ids: indexes.map((i) => doc.nodes[i]?.id as string), indexes }
  }
  const outputs: number[] = []
  doc.nodes.forEach((node, i) => {
    if (registry.get(node.type)?.isOutput === true) outputs.push(i)
  })
  const indexes = outputs.length > 0 ? outputs : doc.nodes.map((_, i) => i)
  return { ok: true, ids: indexes.map((i) => doc.nodes[i]?.id as string), indexes }
}

/**
 * Splits a document's issues into those that stop this run (errors in a needed node, or in the
 * document as a whole) and the rest, which the plan carries as warnings.
 */
export function blockingIssues(
  issues: readonly Issue[],
  index: GraphIndex,
  needed: Uint8Array,
): { blocking: Issue[]; warnings: Issue[] } {
  const blocking: Issue[] = []
  const warnings: Issue[] = []
  const isNeeded = (id: string) => {
    const at = index.indexOf.get(id)
    return at !== undefined && needed[at] === 1
  }
  for (const issue of issues) {
    const ids = issue.nodeIds ?? (issue.nodeId === undefined ? [] : [issue.nodeId])
    const stops = issue.severity === 'error' && (ids.length === 0 || ids.some(isNeeded))
    ;(stops ? blocking : warnings).push(issue)
  }
  return { blocking, warnings }
}
