import { useEditor } from './editor-context.ts'
import { useCanvasTopic } from './use-canvas-store.ts'

/**
 * Why the socket under a dragged connection refuses it: a label on the danger surface, at screen
 * size whatever the zoom, beside the socket on the side away from its node and above it — so it
 * never covers that node's port labels, nor the socket.
 */
export function DragHint() {
  const { canvas } = useEditor()
  const drag = useCanvasTopic('drag', canvas.store.drag)
  const refused = drag?.refused
  if (refused === undefined) return null
  const { x, y, k } = canvas.area.area.transform
  return (
    <div
      className={`sc-drag-hint sc-drag-hint--${refused.side}`}
      style={{ left: refused.socket.x * k + x, top: refused.socket.y * k + y }}
      role="status"
      data-testid="connection-refusal"
    >
      {refused.reason}
    </div>
  )
}
