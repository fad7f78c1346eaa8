import type { WorkflowDocument, WorkflowEdge, WorkflowNode } from '@shotchain/graph'

/**
 * A document's nodes by position, with the edges into each node in compressed rows: the edges
 * into node `i` are `inEdges[inStart[i]]` up to `inEdges[inStart[i + 1]]`, fed by the nodes at
 * positions `inFrom[…]`. Built once per plan in O(V + E); edges naming unknown nodes are left out
 * (validation reports them).
 */
export interface GraphIndex {
  readonly nodes: readonly WorkflowNode[]
  readonly indexOf: ReadonlyMap<string, number>
  readonly inStart: Int32Array
  readonly inEdges: readonly WorkflowEdge[]
  readonly inFrom: Int32Array
}

export function indexGraph(doc: WorkflowDocument): GraphIndex {
  const { nodes, edges } = doc
  const n = nodes.length
  const indexOf = new Map<string, number>()
  for (let i = 0; i < n; i++) indexOf.set((nodes[i] as WorkflowNode).id, i)
  const from = new Int32Array(edges.length)
  const to = new Int32Array(edges.length)
  const inStart = new Int32Array(n + 1)
  for (let j = 0; j < edges.length; j++) {
    const edge = edges[j] as WorkflowEdge
    const f = indexOf.get(edge.from.node)
    const t = indexOf.get(edge.to.node)
    from[j] = f ?? -1
    to[j] = t ?? -1
    if (f !== undefined && t !== undefined) inStart[t + 1] = (inStart[t + 1] as number) + 1
  }
  for (let i = 0; i < n; i++) inStart[i + 1] = (inStart[i + 1] as number) + (inStart[i] as number)
  const fill = inStart.slice(0, n)
  const inEdges = packedArray<WorkflowEdge>(inStart[n] as number)
  const inFrom = new Int32Array(inStart[n] as number)
  for (let j = 0; j < edges.length; j++) {
    const f = from[j] as number
    const t = to[j] as number
    if (f < 0 || t < 0) continue
    const at = fill[t] as number
    fill[t] = at + 1
    inEdges[at] = edges[j] as WorkflowEdge
    inFrom[at] = f
  }
  return { nodes, indexOf, inStart, inEdges, inFrom }
}

/** Marks every node the targets depend on, the targets included. Iterative: long chains are fine. */
export function collectAncestors(index: GraphIndex, targets: readonly number[]): Uint8Array {
  const needed = new Uint8Array(index.nodes.length)
  const stack = [...targets]
  while (stack.length > 0) {
    const i = stack.pop() as number
    if (needed[i] === 1) continue
    needed[i] = 1
    for (let e = index.inStart[i] as number; e < (index.inStart[i + 1] as number); e++) {
      stack.push(index.inFrom[e] as number)
    }
  }
  return needed
}

/**
 * The marked nodes ordered so that every node comes after the nodes feeding it (Kahn), or
 * undefined when they hold a cycle. Ancestor-closed input is assumed: every feeder is marked.
 */
export function topologicalOrder(index: GraphIndex, marked: Uint8Array): Int32Array | undefined {
  const n = index.nodes.length
  const { inStart, inFrom } = index
  const pending = new Int32Array(n)
  const outStart = new Int32Array(n + 1)
  let count = 0
  for (let i = 0; i < n; i++) {
    if (marked[i] !== 1) continue
    count++
    pending[i] = (inStart[i + 1] as number) - (inStart[i] as number)
    for (let e = inStart[i] as number; e < (inStart[i + 1] as number); e++) {
      const slot = (inFrom[e] as number) + 1
      outStart[slot] = (outStart[slot] as number) + 1
    }
  }
  for (let i = 0; i < n; i++)
    outStart[i + 1] = (outStart[i + 1] as number) + (outStart[i] as number)
  const fill = outStart.slice(0, n)
  const outTo = new Int32Array(outStart[n] as number)
  for (let i = 0; i < n; i++) {
    if (marked[i] !== 1) continue
    for (let e = inStart[i] as number; e < (inStart[i + 1] as number); e++) {
      const from = inFrom[e] as number
      const at = fill[from] as number
      fill[from] = at + 1
      outTo[at] = i
    }
  }
  const order = new Int32Array(count)
  let size = 0
  for (let i = 0; i < n; i++) if (marked[i] === 1 && pending[i] === 0) order[size++] = i
  for (let head = 0; head < size; head++) {
    const i = order[head] as number
    for (let e = outStart[i] as number; e < (outStart[i + 1] as number); e++) {
      const next = outTo[e] as number
      const left = (pending[next] as number) - 1
      pending[next] = left
      if (left === 0) order[size++] = next
    }
  }
  return size === count ? order : undefined
}

/**
 * An array of `n` slots filled later in any order. Filled with `undefined` first so V8 keeps it
 * packed: a holey array (`new Array(n)`) makes every later read slower on 100,000-node plans.
 */
export function packedArray<T>(n: number): T[] {
  return new Array(n).fill(undefined) as T[]
}
