import type { Box } from '../model/bounds.ts'
import { GEOMETRY, type Point } from '../model/geometry.ts'

/** Taller than any node, so a node whose top is above the screen but body on it still counts. */
const MAX_NODE_HEIGHT = 600

/**
 * Which nodes are on screen or near it — the DOM shows only those (`createCulling`). A node counts with a
 * quarter screen of margin around the viewport, so panning finds bodies already drawn. Until
 * the first viewport is known, every node counts as visible.
 */
export function createVisibility() {
  const visible = new Set<string>()
  let viewport: Box | undefined
  return {
    /** The part of the canvas on screen, in canvas coordinates (undefined until first set). */
    viewport: () => viewport,
    /** Takes a new viewport; call `update` for each node afterwards. */
    setViewport(box: Box) {
      viewport = box
    },
    /** Re-checks the node whose top-left corner is `at`. */
    update(id: string, at: Point) {
      if (viewport === undefined) return
      const mx = (viewport.right - viewport.left) / 4
      const my = (viewport.bottom - viewport.top) / 4
      const on =
        at.x + GEOMETRY.width > viewport.left - mx &&
        at.x < viewport.right + mx &&
        at.y + MAX_NODE_HEIGHT > viewport.top - my &&
        at.y < viewport.bottom + my
      if (on === visible.has(id)) return
      if (on) visible.add(id)
      else visible.delete(id)
    },
    /** Whether a node is on screen or near it. */
    isVisible: (id: string) => viewport === undefined || visible.has(id),
  }
}
