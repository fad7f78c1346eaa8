import type { AnyNodeSpec, WorkflowEdge } from '@shotchain/graph'
import type { GraphIndex } from './graph-index.ts'
import type { PlannedInput, PlannedSource } from './types.ts'

/** A source while the plan is being built: `from` is its document position, `index` comes later. */
export interface MutableSource extends PlannedSource {
  readonly from: number
  index: number
  /** The feeding node's cache key, for the key of the node fed. */
  readonly key: string
  readonly edge: WorkflowEdge
}

export interface MutableInput extends PlannedInput {
  readonly sources: MutableSource[]
}

/**
 * The edges into node `i` grouped by input port, list inputs sorted by `order` then edge id.
 * `keys` must already hold the keys of the feeding nodes.
 */
export function groupInputs(
  index: GraphIndex,
  i: number,
  spec: AnyNodeSpec,
  keys: readonly string[],
): MutableInput[] {
  const groups: MutableInput[] = []
  const end = index.inStart[i + 1] as number
  for (let e = index.inStart[i] as number; e < end; e++) {
    const edge = index.inEdges[e] as WorkflowEdge
    const from = index.inFrom[e] as number
    const source = {
      node: edge.from.node,
      port: edge.from.port,
      from,
      index: -1,
      key: keys[from] as string,
      edge,
    }
    const group = groups.find((g) => g.port === edge.to.port)
    if (group === undefined) {
      groups.push({
        port: edge.to.port,
        list: spec.inputs[edge.to.port]?.list === true,
        sources: [source],
      })
    } else {
      group.sources.push(source)
    }
  }
  for (const group of groups) if (group.sources.length > 1) group.sources.sort(byEdgeOrder)
  return groups
}

function byEdgeOrder(a: MutableSource, b: MutableSource): number {
  const delta = (a.edge.order ?? 0) - (b.edge.order ?? 0)
  if (delta !== 0) return delta
  return a.edge.id < b.edge.id ? -1 : a.edge.id > b.edge.id ? 1 : 0
}
