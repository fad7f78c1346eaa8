import type { AnyNodeSpec, WorkflowEdge } from '@shotchain/graph'
import { GEOMETRY, portLayout } from './geometry.ts'

/** Height of each node type's body under its ports, as the stylesheet draws it. */
export const BODY_HEIGHT: Readonly<Record<string, number>> = {
  'image-source': 176,
  prompt: 124,
  'kling-o1-i2v': 214,
  'extract-frame': 44,
  sequence: 8,
  output: 44,
}

/** A node's drawn size: what bounding boxes, fit-to-view and auto-arrange work with. */
export function nodeSize(
  type: string,
  spec: AnyNodeSpec | undefined,
  into: readonly WorkflowEdge[],
): { width: number; height: number } {
  const ports = spec ? portLayout(spec, into).portsBottom : GEOMETRY.header
  const border = 2 * GEOMETRY.border
  return { width: GEOMETRY.width, height: border + ports + (BODY_HEIGHT[type] ?? 44) }
}
