import type { NodeRegistry, PortType, WorkflowDocument } from '@shotchain/graph'
import { createRoot } from 'react-dom/client'
import { ClassicPreset, type GetSchemes, NodeEditor } from 'rete'
import { AreaExtensions, AreaPlugin } from 'rete-area-plugin'
import { ConnectionPlugin, Presets as ConnectionPresets } from 'rete-connection-plugin'
import { Presets, type ReactArea2D, ReactPlugin } from 'rete-react-plugin'
import type { MountEditor } from './mounted-editor.ts'

type Node = ClassicPreset.Node
type Schemes = GetSchemes<Node, ClassicPreset.Connection<Node, Node>>

/**
 * The baseline: the document drawn with Rete's stock setup, as the Rete docs' basic example
 * does it. NodeEditor + AreaPlugin + ConnectionPlugin (classic flow) + ReactPlugin with the
 * classic preset; one classic node per document node with an input or output per port (one
 * socket per port type), each awaited `addNode` then `translate`d to its position, then the
 * connections, then `zoomAt` all nodes. No param controls: the lightest stock drawing.
 */
export const mountStock: MountEditor = (container, doc, registry) => {
  const editor = new NodeEditor<Schemes>()
  const area = new AreaPlugin<Schemes, ReactArea2D<Schemes>>(container)
  const connection = new ConnectionPlugin<Schemes, ReactArea2D<Schemes>>()
  const render = new ReactPlugin<Schemes, ReactArea2D<Schemes>>({ createRoot })
  connection.addPreset(ConnectionPresets.classic.setup())
  render.addPreset(Presets.classic.setup())
  editor.use(area)
  area.use(connection)
  area.use(render)
  return { loaded: addDocument(editor, area, doc, registry), surface: () => container }
}

async function addDocument(
  editor: NodeEditor<Schemes>,
  area: AreaPlugin<Schemes, ReactArea2D<Schemes>>,
  doc: WorkflowDocument,
  registry: NodeRegistry,
): Promise<void> {
  const sockets = new Map<PortType, ClassicPreset.Socket>()
  const socket = (type: PortType) => {
    const found = sockets.get(type) ?? new ClassicPreset.Socket(type)
    sockets.set(type, found)
    return found
  }
  const byId = new Map<string, Node>()
  for (const docNode of doc.nodes) {
    const spec = registry.get(docNode.type)
    if (spec === undefined) throw new Error(`no spec for node type "${docNode.type}"`)
    const node = new ClassicPreset.Node(docNode.label ?? spec.title)
    node.id = docNode.id
    for (const [port, input] of Object.entries(spec.inputs))
      node.addInput(port, new ClassicPreset.Input(socket(input.type), input.label ?? port))
    for (const [port, output] of Object.entries(spec.outputs))
      node.addOutput(port, new ClassicPreset.Output(socket(output.type), output.label ?? port))
    await editor.addNode(node)
    await area.translate(node.id, { x: docNode.position[0], y: docNode.position[1] })
    byId.set(node.id, node)
  }
  for (const edge of doc.edges) {
    const from = byId.get(edge.from.node)
    const to = byId.get(edge.to.node)
    if (from === undefined || to === undefined) throw new Error(`edge "${edge.id}" is dangling`)
    const conn = new ClassicPreset.Connection(from, edge.from.port, to, edge.to.port)
    conn.id = edge.id
    await editor.addConnection(conn)
  }
  await AreaExtensions.zoomAt(area, editor.getNodes())
}
