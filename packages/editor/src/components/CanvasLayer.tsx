import { useEffect, useState } from 'react'
import { createPortal } from 'react-dom'
import { ConnectionPath } from './ConnectionPath.tsx'
import { DragPreview } from './DragPreview.tsx'
import { useEditor } from './editor-context.ts'
import { NodeCard } from './NodeCard.tsx'
import { useCanvasTopic } from './use-canvas-store.ts'

/**
 * Draws the nodes and connections that have come near the view into the elements Rete's area
 * made for them, through portals from this one React tree: app context reaches nodes.
 */
export function CanvasLayer() {
  const { canvas } = useEditor()
  const views = useCanvasTopic('views', canvas.store.views)
  // Only what has come near the view: the others are hidden, and the map draws them.
  const mounted = useCanvasTopic('mounted', canvas.store.mounted)
  const overlay = useOverlay(canvas.area.area.content.holder)
  const portals = []
  for (const [id, element] of views.connections) {
    if (!mounted.connections.has(id)) continue
    portals.push(createPortal(<ConnectionPath id={id} />, element, `c:${id}`))
  }
  for (const [id, element] of views.nodes) {
    if (!mounted.nodes.has(id)) continue
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
