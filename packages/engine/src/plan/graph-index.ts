import type { WorkflowDocument, WorkflowEdge, WorkflowNode } from '@shotchain/graph'

/** Look-ups over a document, built once per plan in O(V + E). */
export interface GraphIndex {
  readonly nodes: ReadonlyMap<string, WorkflowNode>
  /** Edges into each node, grouped by input port; list inputs sorted by `order`, then edge id. */
  readonly incoming: ReadonlyMap<string, ReadonlyMap<string, readonly WorkflowEdge[]>>
}

export function indexGraph(doc: WorkflowDocument): GraphIndex {
  const nodes = new Map<string, WorkflowNode>()
  for (const node of doc.nodes) nodes.set(node.id, node)
  const incoming = new Map<string, Map<string, WorkflowEdge[]>>()
  for (const edge of doc.edges) {
    let ports = incoming.get(edge.to.node)
    if (ports === undefined) {
      ports = new Map()
      incoming.set(edge.to.node, ports)
    }
    const list = ports.get(edge.to.port)
    if (list === undefined) ports.set(edge.to.port, [edge])
    else list.push(edge)
  }
  for (const ports of incoming.values()) {
    for (const edges of ports.values()) if (edges.length > 1) edges.sort(byOrder)
  }
  return { nodes, incoming }
}

function byOrder(a: WorkflowEdge, b: WorkflowEdge): number {
  const delta = (a.order ?? 0) - (b.order ?? 0)
  if (delta !== 0) return delta
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

/** Every node `targets` depend on, the targets included. Iterative, so long chains are fine. */
export function collectAncestors(index: GraphIndex, targets: readonly string[]): Set<string> {
  const seen = new Set<string>()
  const stack = [...targets]
  while (stack.length > 0) {
    const id = stack.pop() as string
    if (seen.has(id)) continue
    seen.add(id)
    const ports = index.incoming.get(id)
    if (ports === undefined) continue
    for (const edges of ports.values()) for (const edge of edges) stack.push(edge.from.node)
  }
  return seen
}

/**
 * The nodes of `subset` ordered so that every node comes after the nodes feeding it (Kahn).
 * Returns undefined when the subset holds a cycle.
 */
export function topologicalOrder(
  index: GraphIndex,
  subset: ReadonlySet<string>,
): string[] | undefined {
  const pending = new Map<string, number>()
  const dependents = new Map<string, string[]>()
  for (const id of subset) {
    let count = 0
    const ports = index.incoming.get(id)
    if (ports !== undefined) {
      for (const edges of ports.values()) {
        for (const edge of edges) {
          count++
          const list = dependents.get(edge.from.node)
          if (list === undefined) dependents.set(edge.from.node, [id])
          else list.push(id)
        }
      }
    }
    pending.set(id, count)
  }
  const order: string[] = []
  for (const [id, count] of pending) if (count === 0) order.push(id)
  for (let i = 0; i < order.length; i++) {
    for (const next of dependents.get(order[i] as string) ?? []) {
      const left = (pending.get(next) as number) - 1
      pending.set(next, left)
      if (left === 0) order.push(next)
    }
  }
  return order.length === subset.size ? order : undefined
}
