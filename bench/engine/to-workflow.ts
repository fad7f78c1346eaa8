import {
  parseWorkflow,
  type WorkflowDocument,
  type WorkflowEdge,
  type WorkflowNode,
} from '@shotchain/graph'
import { NOOP_TYPE } from './noop-node.ts'
import type { RandomDag } from './random-dag.ts'

/** Node `i` of the DAG is `n<i>` in the document, with param `n: i`. */
export function nodeId(index: number): string {
  return `n${index}`
}

/**
 * The DAG as a Shotchain workflow document, laid out one column per layer, loaded through
 * `parseWorkflow` as a file would be (so it is frozen, like every document the app runs).
 */
export function toWorkflow(dag: RandomDag): WorkflowDocument {
  const nodes: WorkflowNode[] = []
  for (let i = 0; i < dag.size; i++) {
    const position = [Math.floor(i / dag.layerWidth) * 240, (i % dag.layerWidth) * 120] as const
    nodes.push({ id: nodeId(i), type: NOOP_TYPE, position, params: { n: i } })
  }
  const edges = dag.edges.map(
    (edge, i): WorkflowEdge => ({
      id: `e${i}`,
      from: { node: nodeId(edge.from), port: 'out' },
      to: { node: nodeId(edge.to), port: edge.port },
    }),
  )
  const parsed = parseWorkflow({
    format: 'shotchain.workflow',
    version: 1,
    name: `random DAG of ${dag.size}`,
    nodes,
    edges,
  })
  if (!parsed.ok) throw new Error(`bench document refused: ${parsed.issues[0]?.message}`)
  return parsed.doc
}
