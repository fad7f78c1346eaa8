import type { AnyNodeSpec, WorkflowEdge, WorkflowNode } from '@shotchain/graph'
import { bodyHeightOf, type NodeViews } from '../views/node-view.ts'
import { GEOMETRY, portLayout } from './geometry.ts'

/**
 * A node's drawn size: what bounding boxes, fit-to-view, the minimap and auto-arrange work with.
 * The body's height comes from the node's view in `views` (the generic one without).
 */
export function nodeSize(
  node: WorkflowNode,
  spec: AnyNodeSpec | undefined,
  into: readonly WorkflowEdge[],
  views: NodeViews,
): { width: number; height: number } {
  const ports = spec ? portLayout(spec, into).portsBottom : GEOMETRY.header
  const border = 2 * GEOMETRY.border
  return { width: GEOMETRY.width, height: border + ports + bodyHeightOf(views, node, spec) }
}
