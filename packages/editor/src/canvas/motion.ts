/** The view counts as moving until it has been still this long, ms. */
export const STILL_MS = 150

/**
 * Whether the view is moving (a pan or zoom gesture under way), and what that changes for the
 * content layer: while it moves, the area's content is its own compositor layer
 * (`will-change: transform`), so each frame moves and scales the last raster instead of
 * repainting every card at the new scale; once still, the layer goes and the cards are drawn
 * sharp at the zoom they ended at. `settled` is called when the view comes to rest.
 */
export function createMotion(content: HTMLElement, settled: () => void) {
  let movedAt = Number.NEGATIVE_INFINITY
  let timer: ReturnType<typeof setTimeout> | undefined
  const rest = () => {
    timer = undefined
    const left = movedAt + STILL_MS - performance.now()
    if (left > 0) {
      timer = setTimeout(rest, left)
      return
    }
    content.style.willChange = ''
    settled()
  }
  return {
    /** True until the view has been still for `STILL_MS`. */
    isMoving: () => performance.now() - movedAt < STILL_MS,
    /**
     * The view moved or zoomed (a gesture). `cards` false when the map draws the view: a layer
     * started then would be rastered at the map's scale and redone as cards come.
     */
    moved(cards: boolean) {
      const starts = performance.now() - movedAt >= STILL_MS
      movedAt = performance.now()
      if (starts && cards) content.style.willChange = 'transform'
      timer ??= setTimeout(rest, STILL_MS)
    },
    /** The view jumped (opened, fitted): not a gesture, so it counts as still at once. */
    jumped() {
      movedAt = Number.NEGATIVE_INFINITY
      if (timer !== undefined) clearTimeout(timer)
      rest()
    },
    destroy() {
      if (timer !== undefined) clearTimeout(timer)
    },
  }
}
