import type { Box } from '../model/bounds.ts'

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
