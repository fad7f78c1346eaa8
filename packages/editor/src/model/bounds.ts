import type { NodeRegistry, WorkflowDocument } from '@shotchain/graph'
import type { NodeViews } from '../views/node-view.ts'
import { edgesByTarget } from './geometry.ts'
import { nodeSize } from './node-size.ts'

/** An axis-aligned box in canvas coordinates (what a node's `position` holds). */
export interface Box {
  readonly left: number
  readonly top: number
  readonly right: number
  readonly bottom: number
}

/**
 * The box of each of the given nodes (all when `ids` is absent), from fixed geometry with the
 * body heights of `views` (the generic one for a type without a view).
 */
export function nodeBoxes(
  doc: WorkflowDocument,
  registry: NodeRegistry,
  ids?: readonly string[],
  views: NodeViews = {},
): Box[] {
  const only = ids ? new Set(ids) : undefined
  const into = edgesByTarget(doc)
  return doc.nodes
    .filter((node) => !only || only.has(node.id))
    .map((node) => {
      const size = nodeSize(node, registry.get(node.type), into.get(node.id) ?? [], views)
      const [x, y] = node.position
      return { left: x, top: y, right: x + size.width, bottom: y + size.height }
    })
}

/** The box around `boxes`; undefined when there are none. */
export function unionBox(boxes: readonly Box[]): Box | undefined {
  let all: Box | undefined
  for (const b of boxes) {
    all = {
      left: Math.min(all?.left ?? b.left, b.left),
      top: Math.min(all?.top ?? b.top, b.top),
      right: Math.max(all?.right ?? b.right, b.right),
      bottom: Math.max(all?.bottom ?? b.bottom, b.bottom),
    }
  }
  return all
}

/**
 * The box around the given nodes (all when `ids` is absent), from fixed geometry with the body
 * heights of `views` (the generic one for a type without a view); undefined when empty.
 */
export function documentBounds(
  doc: WorkflowDocument,
  registry: NodeRegistry,
  ids?: readonly string[],
  views: NodeViews = {},
): Box | undefined {
  return unionBox(nodeBoxes(doc, registry, ids, views))
}

/** The view transform that shows `box` centred in a `width` × `height` viewport, at most 1:1. */
export function fitTransform(
  box: Box,
  width: number,
  height: number,
  margin = 0.9,
): { x: number; y: number; k: number } {
  const w = Math.max(box.right - box.left, 1)
  const h = Math.max(box.bottom - box.top, 1)
  const k = Math.min(1, (width * margin) / w, (height * margin) / h)
  const cx = (box.left + box.right) / 2
  const cy = (box.top + box.bottom) / 2
  return { x: width / 2 - cx * k, y: height / 2 - cy * k, k }
}
