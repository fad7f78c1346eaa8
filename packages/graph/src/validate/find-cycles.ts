import { assert } from '../util/assert.ts'

/**
 * A directed graph over vertices `0..n-1` in compressed form: the successors of `v` are
 * `targets[offsets[v]] .. targets[offsets[v + 1] - 1]`.
 */
export interface Adjacency {
  readonly offsets: Int32Array
  readonly targets: Int32Array
}

/** Builds an {@link Adjacency} from the first `m` arcs `from[k] → to[k]`, in O(n + m). */
export function buildAdjacency(n: number, from: Int32Array, to: Int32Array, m: number): Adjacency {
  const offsets = new Int32Array(n + 1)
  for (let k = 0; k < m; k++) {
    const slot = (from[k] as number) + 1
    offsets[slot] = (offsets[slot] as number) + 1
  }
  for (let v = 0; v < n; v++) offsets[v + 1] = (offsets[v + 1] as number) + (offsets[v] as number)
  const fill = offsets.slice(0, n)
  const targets = new Int32Array(m)
  for (let k = 0; k < m; k++) {
    const v = from[k] as number
    const at = fill[v] as number
    targets[at] = to[k] as number
    fill[v] = at + 1
  }
  return { offsets, targets }
}

/** A loop in the graph: `cycle` in edge order, and the rest of its strongly connected component. */
export interface FoundCycle {
  readonly cycle: readonly number[]
  readonly others: readonly number[]
}

/**
 * One {@link FoundCycle} per strongly connected component with more than one vertex or with a
 * self-loop, ordered by their lowest vertex. Iterative Tarjan, then a breadth-first search in
 * each component for the shortest cycle through its lowest vertex: O(n + m), no recursion.
 */
export function findCycles(graph: Adjacency): FoundCycle[] {
  const n = graph.offsets.length - 1
  const { component, count } = strongComponents(graph, n)
  const size = new Int32Array(count)
  for (let v = 0; v < n; v++) {
    const c = component[v] as number
    size[c] = (size[c] as number) + 1
  }
  // Vertices ascend, so each component is met first at its lowest vertex.
  const lowest = new Int32Array(count).fill(-1)
  const cyclic: number[] = []
  for (let v = 0; v < n; v++) {
    const c = component[v] as number
    if (lowest[c] !== -1) continue
    lowest[c] = v
    if ((size[c] as number) > 1 || hasArc(graph, v, v)) cyclic.push(c)
  }
  const members = new Map<number, number[]>(cyclic.map((c) => [c, []]))
  for (let v = 0; v < n; v++) members.get(component[v] as number)?.push(v)
  return cyclic.map((c) => {
    const cycle = shortestCycleThrough(graph, lowest[c] as number, component)
    const onCycle = new Set(cycle)
    return { cycle, others: (members.get(c) as number[]).filter((w) => !onCycle.has(w)) }
  })
}

/** Component number of each vertex (Tarjan's algorithm with an explicit call stack). */
function strongComponents(
  { offsets, targets }: Adjacency,
  n: number,
): { component: Int32Array; count: number } {
  const index = new Int32Array(n).fill(-1)
  const low = new Int32Array(n)
  const component = new Int32Array(n)
  const onStack = new Uint8Array(n)
  const stack = new Int32Array(n)
  const callVertex = new Int32Array(n)
  const callArc = new Int32Array(n)
  let sp = 0
  let depth = 0
  let counter = 0
  let components = 0
  const enter = (v: number) => {
    index[v] = counter
    low[v] = counter++
    stack[sp++] = v
    onStack[v] = 1
    callVertex[depth] = v
    callArc[depth++] = offsets[v] as number
  }
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue
    enter(root)
    while (depth > 0) {
      const v = callVertex[depth - 1] as number
      const arc = callArc[depth - 1] as number
      if (arc < (offsets[v + 1] as number)) {
        callArc[depth - 1] = arc + 1
        const w = targets[arc] as number
        if (index[w] === -1) enter(w)
        else if (onStack[w] === 1) low[v] = Math.min(low[v] as number, index[w] as number)
        continue
      }
      depth--
      if (depth > 0) {
        const parent = callVertex[depth - 1] as number
        low[parent] = Math.min(low[parent] as number, low[v] as number)
      }
      if (low[v] === index[v]) {
        let w: number
        do {
          w = stack[--sp] as number
          onStack[w] = 0
          component[w] = components
        } while (w !== v)
        components++
      }
    }
  }
  return { component, count: components }
}

function hasArc({ offsets, targets }: Adjacency, v: number, w: number): boolean {
  for (let k = offsets[v] as number; k < (offsets[v + 1] as number); k++)
    if (targets[k] === w) return true
  return false
}

/** The shortest cycle from `start` back to itself inside `start`'s component, in edge order. */
function shortestCycleThrough(
  { offsets, targets }: Adjacency,
  start: number,
  component: Int32Array,
): number[] {
  const c = component[start]
  const parent = new Map<number, number>([[start, -1]])
  const queue = [start]
  for (let head = 0; head < queue.length; head++) {
    const v = queue[head] as number
    for (let k = offsets[v] as number; k < (offsets[v + 1] as number); k++) {
      const w = targets[k] as number
      if (w === start) {
        const path: number[] = []
        for (let u = v; u !== -1; u = parent.get(u) as number) path.push(u)
        return path.reverse()
      }
      if (component[w] !== c || parent.has(w)) continue
      parent.set(w, v)
      queue.push(w)
    }
  }
  assert(false, 'a strongly connected component without a cycle')
}
