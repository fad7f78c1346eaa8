import type { GraphCommand, NodeRegistry, WorkflowDocument } from '@shotchain/graph'
import { edgesByTarget } from '../model/geometry.ts'
import { nodeSize } from '../model/node-size.ts'
import type { NodeViews } from '../views/node-view.ts'

/**
 * Auto-arrange: ELK's layered layout, left to right in the direction of the edges, as `move`
 * commands (one undo entry). ELK is loaded on first use; it runs on the main thread, which is
 * fine for the hundreds of nodes a workflow has.
 */
export async function arrangeCommands(
  doc: WorkflowDocument,
  registry: NodeRegistry,
  views: NodeViews,
): Promise<GraphCommand[]> {
  const { default: ELK } = await import('elkjs/lib/elk.bundled.js')
  const elk = new ELK()
  const into = edgesByTarget(doc)
  const layout = await elk.layout({
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.spacing.nodeNode': '40',
      'elk.layered.spacing.nodeNodeBetweenLayers': '80',
    },
    children: doc.nodes.map((node) => ({
      id: node.id,
      ...nodeSize(node, registry.get(node.type), into.get(node.id) ?? [], views),
    })),
    edges: doc.edges.map((edge) => ({
      id: edge.id,
      sources: [edge.from.node],
      targets: [edge.to.node],
    })),
  })
  const commands: GraphCommand[] = []
  for (const child of layout.children ?? []) {
    if (child.x === undefined || child.y === undefined) continue
    commands.push({
      type: 'move',
      node: child.id,
      position: [Math.round(child.x), Math.round(child.y)],
    })
  }
  return commands
}
