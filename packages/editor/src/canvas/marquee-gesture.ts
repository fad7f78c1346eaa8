import type { Box } from '../model/bounds.ts'
import { boxBetween } from '../model/marquee.ts'

/** What the marquee gesture draws on and whom it tells. */
export interface MarqueeOptions {
  readonly container: HTMLElement
  /** The rectangle being drawn, in the container's CSS px; undefined once let go. */
  readonly draw: (rect: Box | undefined) => void
  /** Canvas coordinates of a point on the screen. */
  readonly toCanvas: (clientX: number, clientY: number) => [number, number]
  /** Let go: the marquee's box in canvas coordinates; `add` keeps the selection (Shift held). */
  readonly done: (box: Box, add: boolean) => void
}

/**
 * Marquee selection: Shift+drag or Ctrl/Cmd+drag on empty canvas draws a rectangle, and letting
 * go selects every node it touches (Shift adds to the selection). A plain drag still pans.
 * Listens to `pointerdown` on the container in the capture phase, before Rete's pan (which it
 * then never sees), and to the window's `pointermove`/`pointerup` during the gesture.
 */
export function marqueeGesture(options: MarqueeOptions) {
  const { container, draw, toCanvas, done } = options
  let stop: (() => void) | undefined
  const down = (event: PointerEvent) => {
    const modified = event.shiftKey || event.ctrlKey || event.metaKey
    if (event.button !== 0 || !modified || stop !== undefined) return
    if ((event.target as Element | null)?.closest('[data-node-id]')) return
    event.preventDefault()
    event.stopImmediatePropagation()
    const rect = container.getBoundingClientRect()
    const start = { x: event.clientX - rect.left, y: event.clientY - rect.top }
    const startAt = toCanvas(event.clientX, event.clientY)
    const add = event.shiftKey
    draw(boxBetween(start, start))
    const move = (e: PointerEvent) => {
      draw(boxBetween(start, { x: e.clientX - rect.left, y: e.clientY - rect.top }))
    }
    const up = (e: PointerEvent) => {
      finish()
      const endAt = toCanvas(e.clientX, e.clientY)
      done(boxBetween({ x: startAt[0], y: startAt[1] }, { x: endAt[0], y: endAt[1] }), add)
    }
    const finish = () => {
      window.removeEventListener('pointermove', move)
      window.removeEventListener('pointerup', up)
      window.removeEventListener('pointercancel', finish)
      stop = undefined
      draw(undefined)
    }
    window.addEventListener('pointermove', move)
    window.addEventListener('pointerup', up)
    window.addEventListener('pointercancel', finish)
    stop = finish
  }
  container.addEventListener('pointerdown', down, { capture: true })
  return {
    destroy() {
      stop?.()
      container.removeEventListener('pointerdown', down, { capture: true })
    },
  }
}
