import type { WorkflowDocument, WorkflowEdge, WorkflowNode } from '@shotchain/graph'

/**
 * What must change on the canvas to show `next` after `prev`. Edges come out before nodes go
 * and go in after nodes come, so applying the lists in the order of the fields is always valid.
 */
export interface SyncPlan {
  readonly removeEdges: readonly string[]
  readonly removeNodes: readonly string[]
  readonly addNodes: readonly WorkflowNode[]
  /** Nodes whose position differs. */
  readonly moveNodes: readonly WorkflowNode[]
  readonly addEdges: readonly WorkflowEdge[]
}

/** The plan when nothing changed: what `planSync` returns for the same document twice. */
export const EMPTY_PLAN: SyncPlan = {
  removeEdges: [],
  removeNodes: [],
  addNodes: [],
  moveNodes: [],
  addEdges: [],
}

/**
 * The canvas changes between two documents, O(V + E). immer shares untouched nodes and edges
 * between versions, so identity decides most cases; an edge whose ends or order changed is
 * replaced, a node whose type changed is replaced (its ports may differ).
 */
export function planSync(prev: WorkflowDocument | undefined, next: WorkflowDocument): SyncPlan {
  if (prev === next) return EMPTY_PLAN
  const oldNodes = new Map((prev?.nodes ?? []).map((n) => [n.id, n]))
  const oldEdges = new Map((prev?.edges ?? []).map((e) => [e.id, e]))
  const newNodes = new Map(next.nodes.map((n) => [n.id, n]))
  const newEdges = new Map(next.edges.map((e) => [e.id, e]))

  const removeNodes: string[] = []
  const replaced = new Set<string>()
  for (const [id, node] of oldNodes) {
    const now = newNodes.get(id)
    if (now === undefined) removeNodes.push(id)
    else if (now.type !== node.type) {
      removeNodes.push(id)
      replaced.add(id)
    }
  }
  const addNodes: WorkflowNode[] = []
  const moveNodes: WorkflowNode[] = []
  for (const [id, node] of newNodes) {
    const old = oldNodes.get(id)
    if (old === undefined || replaced.has(id)) addNodes.push(node)
    else if (old.position[0] !== node.position[0] || old.position[1] !== node.position[1]) {
      moveNodes.push(node)
    }
  }
  const gone = new Set(removeNodes)
  const removeEdges: string[] = []
  for (const [id, edge] of oldEdges) {
    const now = newEdges.get(id)
    const touchesGone = gone.has(edge.from.node) || gone.has(edge.to.node)
    if (now === undefined || touchesGone || !sameEdge(edge, now)) removeEdges.push(id)
  }
  const kept = new Set(oldEdges.keys())
  for (const id of removeEdges) kept.delete(id)
  const addEdges = next.edges.filter((e) => !kept.has(e.id))
  return { removeEdges, removeNodes, addNodes, moveNodes, addEdges }
}

function sameEdge(a: WorkflowEdge, b: WorkflowEdge): boolean {
  return (
    a === b ||
    (a.from.node === b.from.node &&
      a.from.port === b.from.port &&
      a.to.node === b.to.node &&
      a.to.port === b.to.port &&
      a.order === b.order)
  )
}
