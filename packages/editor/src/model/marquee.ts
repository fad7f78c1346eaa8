import type { Box } from './bounds.ts'
import type { Point } from './geometry.ts'
import { overlaps } from './node-boxes.ts'

/** The box a marquee dragged from `a` to `b` covers, whichever way it was dragged. */
export function boxBetween(a: Point, b: Point): Box {
  return {
    left: Math.min(a.x, b.x),
    top: Math.min(a.y, b.y),
    right: Math.max(a.x, b.x),
    bottom: Math.max(a.y, b.y),
  }
}

/**
 * The ids of the nodes a marquee selects: every node whose box it touches or contains, in the
 * order of `boxes` (`nodeBoxes` of the document).
 * @example
 * nodesInMarquee(nodeBoxes(doc, registry, views), boxBetween(start, end))
 */
export function nodesInMarquee(boxes: ReadonlyMap<string, Box>, marquee: Box): string[] {
  const ids: string[] = []
  for (const [id, box] of boxes) if (overlaps(box, marquee)) ids.push(id)
  return ids
}
