import { connectionPath } from '../model/geometry.ts'
import { useEditor } from './editor-context.ts'
import { useCanvasTopic } from './use-canvas-store.ts'

/** The connection being dragged, red while over a socket that refuses it (`DragHint` says why). */
export function DragPreview() {
  const { store } = useEditor().canvas
  const drag = useCanvasTopic('drag', store.drag)
  if (drag === undefined) return null
  return (
    <svg
      aria-hidden="true"
      className={`sc-connection sc-connection--drag${drag.refused ? ' is-refused' : ''}`}
      data-testid="drag-connection"
    >
      <path d={connectionPath(drag.from, drag.to)} />
    </svg>
  )
}
