import { useEffect, useState } from 'react'
import { createPortal } from 'react-dom'
import { ConnectionPath } from './ConnectionPath.tsx'
import { DragPreview } from './DragPreview.tsx'
import { useEditor } from './editor-context.ts'
import { NodeCard } from './NodeCard.tsx'
import { useCanvasTopic } from './use-canvas-store.ts'

/**
 * Draws every node and connection into the elements Rete's area made for them, through portals
 * from this one React tree: one render for a whole document, and app context reaches nodes.
 */
export function CanvasLayer() {
  const { canvas } = useEditor()
  const views = useCanvasTopic('views', canvas.store.views)
  const overlay = useOverlay(canvas.area.area.content.holder)
  const portals = []
  for (const [id, element] of views.connections) {
    portals.push(createPortal(<ConnectionPath id={id} />, element, `c:${id}`))
  }
  for (const [id, element] of views.nodes) {
    portals.push(createPortal(<NodeCard id={id} />, element, `n:${id}`))
  }
  return (
    <>
      {portals}
      {overlay ? createPortal(<DragPreview />, overlay) : null}
    </>
  )
}

/** A layer above the nodes inside the zoomed content, for the connection being dragged. */
function useOverlay(holder: HTMLElement): HTMLElement | undefined {
  const [overlay, setOverlay] = useState<HTMLElement>()
  useEffect(() => {
    const element = document.createElement('div')
    element.className = 'sc-overlay'
    holder.appendChild(element)
    setOverlay(element)
    return () => element.remove()
  }, [holder])
  return overlay
}
