import { useCallback } from 'react'
import { startConnectionDrag } from '../canvas/connection-drag.ts'
import type { Canvas } from '../canvas/create-canvas.ts'
import { socketElement, socketOf } from '../canvas/socket-dom.ts'

const INTERACTIVE = 'input, textarea, select, button, video, [data-no-drag]'

/**
 * Native pointer handling for a node card, as a callback ref. Rete's node view starts a drag on
 * its own native `pointerdown`, which runs before React's delegated handlers; so sockets and form
 * fields stop the event here, on the card, before it reaches the view.
 */
export function useCardPointer(
  canvas: Canvas,
): (card: HTMLElement | null) => (() => void) | undefined {
  return useCallback(
    (card: HTMLElement | null) => {
      if (card === null) return undefined
      const down = (event: PointerEvent) => {
        const target = event.target as HTMLElement
        const element = socketElement(target)
        if (element) {
          const socket = socketOf(element)
          if (socket) startConnectionDrag(canvas, socket, event)
          return
        }
        if (target.closest(INTERACTIVE)) event.stopPropagation()
      }
      // Scrolling a text field scrolls it, not the zoom.
      const wheel = (event: WheelEvent) => {
        if ((event.target as HTMLElement).closest('textarea')) event.stopPropagation()
      }
      card.addEventListener('pointerdown', down)
      card.addEventListener('wheel', wheel)
      return () => {
        card.removeEventListener('pointerdown', down)
        card.removeEventListener('wheel', wheel)
      }
    },
    [canvas],
  )
}
