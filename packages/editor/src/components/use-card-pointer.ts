import { useCallback } from 'react'
import { startConnectionDrag } from '../canvas/connection-drag.ts'
import type { Canvas } from '../canvas/create-canvas.ts'

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
        const socket = target.closest<HTMLElement>('[data-socket-node]')
        if (socket) {
          const { socketNode, socketSide, socketPort } = socket.dataset
          if (socketNode && socketPort && (socketSide === 'input' || socketSide === 'output')) {
            startConnectionDrag(
              canvas,
              { node: socketNode, side: socketSide, port: socketPort },
              event,
            )
          }
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
