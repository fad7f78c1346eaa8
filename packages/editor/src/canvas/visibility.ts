import type { Box } from '../model/bounds.ts'
import { GEOMETRY, type Point } from '../model/geometry.ts'

/** Taller than any node, so a node whose top is above the screen but body on it still counts. */
const MAX_NODE_HEIGHT = 600

/** The viewport with a quarter of its size as margin on every side: what counts as near it. */
export function nearBox(view: Box): Box {
  const mx = (view.right - view.left) / 4
  const my = (view.bottom - view.top) / 4
  return {
    left: view.left - mx,
    top: view.top - my,
    right: view.right + mx,
    bottom: view.bottom + my,
  }
}

/**
 * Which nodes are on screen or near it (`nearBox`): the DOM shows only those (`createCulling`),
 * so panning finds cards already drawn. Until the first viewport is known, every node counts as
 * visible.
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
      const near = nearBox(viewport)
      const on =
        at.x + GEOMETRY.width > near.left &&
        at.x < near.right &&
        at.y + MAX_NODE_HEIGHT > near.top &&
        at.y < near.bottom
      if (on === visible.has(id)) return
      if (on) visible.add(id)
      else visible.delete(id)
    },
    /** Whether a node is on screen or near it. */
    isVisible: (id: string) => viewport === undefined || visible.has(id),
  }
}
