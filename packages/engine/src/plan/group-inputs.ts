import type { AnyNodeSpec, PortRef, WorkflowEdge } from '@shotchain/graph'
import type { InputSource, KeyedInput } from '../keys/cache-key.ts'
import type { GraphIndex } from './graph-index.ts'

/** An output feeding an input: where it is in the document, and its node's cache key. */
export interface KeyedSource extends PortRef, InputSource {
  /** The feeding node's position in the document. */
  readonly from: number
  readonly edge: WorkflowEdge
}

/** One input port of a node with its sources, list inputs in edge order. */
export interface KeyedPort extends KeyedInput {
  readonly list: boolean
  readonly sources: readonly KeyedSource[]
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
): KeyedPort[] {
  const groups: { port: string; list: boolean; sources: KeyedSource[] }[] = []
  const end = index.inStart[i + 1] as number
  for (let e = index.inStart[i] as number; e < end; e++) {
    const edge = index.inEdges[e] as WorkflowEdge
    const from = index.inFrom[e] as number
    const { node, port } = edge.from
    const source: KeyedSource = { node, port, from, key: keys[from] as string, edge }
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

function byEdgeOrder(a: KeyedSource, b: KeyedSource): number {
  const delta = (a.edge.order ?? 0) - (b.edge.order ?? 0)
  if (delta !== 0) return delta
  return a.edge.id < b.edge.id ? -1 : a.edge.id > b.edge.id ? 1 : 0
}
