import { ClassicPreset, type GetSchemes, NodeEditor } from 'rete'
import { DataflowEngine } from 'rete-engine'
import { noopValue } from './noop-value.ts'
import { findSinks, INPUT_PORTS, type RandomDag } from './random-dag.ts'

const socket = new ClassicPreset.Socket('text')

/** A classic-preset node with inputs a, b, c and one output, doing the shared no-op work. */
class NoopNode extends ClassicPreset.Node {
  constructor(readonly n: number) {
    super('noop')
    for (const port of INPUT_PORTS) this.addInput(port, new ClassicPreset.Input(socket))
    this.addOutput('out', new ClassicPreset.Output(socket))
  }

  /** rete-engine hands each input as an array of the values of its connections. */
  data(inputs: Record<string, unknown[] | undefined>): { out: string } {
    const values = INPUT_PORTS.map((port) => inputs[port]?.[0])
    return { out: noopValue(this.n, values) }
  }
}

type AnyNode = ClassicPreset.Node
type Schemes = GetSchemes<NoopNode, ClassicPreset.Connection<AnyNode, AnyNode>>

/** A rete editor holding a DAG, with rete-engine's DataflowEngine plugged in. */
export interface ReteGraph {
  readonly engine: DataflowEngine<Schemes>
  /** The nodes no connection leaves (DAG index and rete id): fetching them runs everything. */
  readonly sinks: readonly { readonly index: number; readonly id: string }[]
}

/** Builds the DAG in a headless `NodeEditor` (addNode / addConnection, as the editor would). */
export async function createReteGraph(dag: RandomDag): Promise<ReteGraph> {
  const editor = new NodeEditor<Schemes>()
  const engine = new DataflowEngine<Schemes>()
  editor.use(engine)
  const nodes: NoopNode[] = []
  for (let i = 0; i < dag.size; i++) {
    const node = new NoopNode(i)
    await editor.addNode(node)
    nodes.push(node)
  }
  for (const edge of dag.edges) {
    const from = nodes[edge.from] as NoopNode
    const to = nodes[edge.to] as NoopNode
    await editor.addConnection(
      new ClassicPreset.Connection<AnyNode, AnyNode>(from, 'out', to, edge.port),
    )
  }
  const sinks = findSinks(dag).map((index) => ({ index, id: (nodes[index] as NoopNode).id }))
  return { engine, sinks }
}
