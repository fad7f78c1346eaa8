import type { Point } from '../model/geometry.ts'

/** A press moves less than this (screen px) and stays a click. */
const CLICK_SLOP_PX = 3

/** What a press on the map works with. */
export interface MapPointerOptions {
  readonly container: HTMLElement
  /** The node the map draws under this canvas point (the topmost), if any. */
  nodeAt(point: Point): string | undefined
  toCanvas(clientX: number, clientY: number): [number, number]
  /** The view's zoom: a screen px is 1/k canvas units. */
  zoom(): number
  isSelected(id: string): boolean
  /** Selects the node, in place of the selection or (`add`) with it. */
  select(id: string, add: boolean): void
  /** The nodes a drag of the selected node `id` moves: the selection. */
  dragged(id: string): readonly string[]
  /** Moves a node's view to `at` (canvas coordinates) during the drag. */
  moveTo(id: string, at: Point): void
  position(id: string): Point | undefined
  /** The drag is over: the moves become one undo entry. */
  commit(): void
  /** Runs `cleanup` when the canvas goes away first; returns the function that withdraws it. */
  onDestroy(cleanup: () => void): () => void
}

/**
 * Presses on nodes the map draws (below the map zoom, or not yet drawn by React): a click
 * selects the node (with Shift or Ctrl, adds it), a drag moves it (with the selection when it is
 * selected), as on a card. Elsewhere the press is the area's (a pan). Returns the remover.
 */
export function mapPointer(options: MapPointerOptions): () => void {
  const { container } = options
  const down = (event: PointerEvent) => {
    // Only presses on the canvas itself: a card the DOM shows handles its own.
    if (event.button !== 0 || event.target !== container) return
    const [x, y] = options.toCanvas(event.clientX, event.clientY)
    const id = options.nodeAt({ x, y })
    if (id === undefined) return
    // The press is the node's: the area must not start a pan under it.
    event.stopImmediatePropagation()
    event.preventDefault()
    const add = event.shiftKey || event.ctrlKey || event.metaKey
    const moving = options.isSelected(id) ? options.dragged(id) : [id]
    if (!options.isSelected(id)) options.select(id, add)
    const starts = new Map(moving.map((n) => [n, options.position(n)]))
    const from = { x: event.clientX, y: event.clientY }
    let dragging = false
    const move = (e: PointerEvent) => {
      const dx = e.clientX - from.x
      const dy = e.clientY - from.y
      if (!dragging && Math.hypot(dx, dy) < CLICK_SLOP_PX) return
      dragging = true
      const k = options.zoom()
      for (const [n, start] of starts) {
        if (start) options.moveTo(n, { x: start.x + dx / k, y: start.y + dy / k })
      }
    }
    const up = () => {
      stop()
      withdraw()
      if (dragging) options.commit()
    }
    const stop = () => {
      window.removeEventListener('pointermove', move)
      window.removeEventListener('pointerup', up)
      window.removeEventListener('pointercancel', up)
    }
    const withdraw = options.onDestroy(stop)
    window.addEventListener('pointermove', move)
    window.addEventListener('pointerup', up)
    window.addEventListener('pointercancel', up)
  }
  container.addEventListener('pointerdown', down, { capture: true })
  return () => container.removeEventListener('pointerdown', down, { capture: true })
}
