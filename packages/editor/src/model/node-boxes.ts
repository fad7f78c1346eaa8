import type { NodeRegistry, WorkflowDocument } from '@shotchain/graph'
import type { NodeViews } from '../views/node-view.ts'
import type { Box } from './bounds.ts'
import { edgesByTarget } from './geometry.ts'
import { nodeSize } from './node-size.ts'

/**
 * Each node's box in canvas coordinates, by id, from the document's positions and the drawn
 * sizes (`nodeSize`, body heights from `views`): what hit tests and placement work with.
 */
export function nodeBoxes(
  doc: WorkflowDocument,
  registry: NodeRegistry,
  views: NodeViews = {},
): Map<string, Box> {
  const into = edgesByTarget(doc)
  const boxes = new Map<string, Box>()
  for (const node of doc.nodes) {
    const { width, height } = nodeSize(
      node,
      registry.get(node.type),
      into.get(node.id) ?? [],
      views,
    )
    const [left, top] = node.position
    boxes.set(node.id, { left, top, right: left + width, bottom: top + height })
  }
  return boxes
}

/** Whether two boxes share any point (touching edges count). */
export function overlaps(a: Box, b: Box): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom
}
