import { formatPath, type Issue } from '../validate/issue.ts'
import type { WorkflowEdge, WorkflowNode } from './types.ts'

/** What {@link checkReferences} found, and the id look-up it built on the way. */
export interface ReferenceCheck {
  /** Each node id's index in `nodes` (the first node, when an id repeats). */
  readonly nodeIndex: Map<string, number>
  /** For each edge, the index of its `from` node, or -1 when that node is missing. */
  readonly edgeFrom: Int32Array
  /** For each edge, the index of its `to` node, or -1 when that node is missing. */
  readonly edgeTo: Int32Array
  /** `duplicate-id` and `dangling-edge` errors. */
  readonly issues: Issue[]
}

/**
 * Checks that node ids and edge ids are unique and that every edge joins two existing nodes.
 * One pass over each list, O(V + E).
 */
export function checkReferences(
  nodes: readonly WorkflowNode[],
  edges: readonly WorkflowEdge[],
): ReferenceCheck {
  const issues: Issue[] = []
  const nodeIndex = new Map<string, number>()
  nodes.forEach((node, i) => {
    const first = nodeIndex.get(node.id)
    if (first === undefined) {
      nodeIndex.set(node.id, i)
      return
    }
    issues.push({
      code: 'duplicate-id',
      path: formatPath(['nodes', i, 'id']),
      message: `node id "${node.id}" is already used by nodes[${first}]; node ids must be unique`,
      severity: 'error',
      nodeId: node.id,
    })
  })
  const edgeIndex = new Map<string, number>()
  const edgeFrom = new Int32Array(edges.length)
  const edgeTo = new Int32Array(edges.length)
  edges.forEach((edge, j) => {
    const fi = nodeIndex.get(edge.from.node)
    const ti = nodeIndex.get(edge.to.node)
    edgeFrom[j] = fi ?? -1
    edgeTo[j] = ti ?? -1
    const fromKnown = fi !== undefined
    const toKnown = ti !== undefined
    const first = edgeIndex.get(edge.id)
    if (first === undefined) edgeIndex.set(edge.id, j)
    else {
      issues.push({
        code: 'duplicate-id',
        path: formatPath(['edges', j, 'id']),
        message: `edge id "${edge.id}" is already used by edges[${first}]; edge ids must be unique`,
        severity: 'error',
        ...(toKnown ? { nodeId: edge.to.node } : {}),
      })
    }
    if (!fromKnown) {
      issues.push(danglingIssue(edge, j, 'from', toKnown ? edge.to.node : undefined))
    }
    if (!toKnown) {
      issues.push(danglingIssue(edge, j, 'to', fromKnown ? edge.from.node : undefined))
    }
  })
  return { nodeIndex, edgeFrom, edgeTo, issues }
}

function danglingIssue(
  edge: WorkflowEdge,
  j: number,
  end: 'from' | 'to',
  otherEnd: string | undefined,
): Issue {
  const verb = end === 'from' ? 'starts at' : 'ends at'
  return {
    code: 'dangling-edge',
    path: formatPath(['edges', j, end, 'node']),
    message: `edge "${edge.id}" ${verb} node "${edge[end].node}", which is not in the workflow`,
    severity: 'error',
    ...(otherEnd === undefined ? {} : { nodeId: otherEnd }),
  }
}
