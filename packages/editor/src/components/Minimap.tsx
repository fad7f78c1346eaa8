import type { NodeRegistry, WorkflowDocument } from '@shotchain/graph'
import { memo, useEffect, useState } from 'react'
import { type Box, documentBounds } from '../model/bounds.ts'
import { GEOMETRY } from '../model/geometry.ts'
import { useEditor } from './editor-context.ts'
import { useCanvasTopic } from './use-canvas-store.ts'

const SIZE = { width: 200, height: 130 }

/** The whole workflow in miniature with the visible part framed; click to look elsewhere. */
export function Minimap({ registry }: { registry: NodeRegistry }) {
  const { canvas } = useEditor()
  const doc = useDoc()
  const bounds = documentBounds(doc, registry)
  if (bounds === undefined) return null
  const pad = 80
  const box = {
    left: bounds.left - pad,
    top: bounds.top - pad,
    right: bounds.right + pad,
    bottom: bounds.bottom + pad,
  }
  const scale = Math.min(SIZE.width / (box.right - box.left), SIZE.height / (box.bottom - box.top))
  const goTo = (event: React.PointerEvent<SVGSVGElement>) => {
    const rect = event.currentTarget.getBoundingClientRect()
    const x = box.left + (event.clientX - rect.left) / scale
    const y = box.top + (event.clientY - rect.top) / scale
    const { k } = canvas.area.area.transform
    const view = canvas.container.getBoundingClientRect()
    void canvas.area.area.translate(view.width / 2 - x * k, view.height / 2 - y * k)
  }
  return (
    <svg
      role="img"
      aria-label="Minimap: click to look there"
      className="sc-minimap"
      width={SIZE.width}
      height={SIZE.height}
      onPointerDown={goTo}
      data-testid="minimap"
    >
      <g transform={`scale(${scale}) translate(${-box.left} ${-box.top})`}>
        <MinimapNodes doc={doc} />
        <Viewport />
      </g>
    </svg>
  )
}

const MinimapNodes = memo(function MinimapNodes({ doc }: { doc: WorkflowDocument }) {
  return (
    <>
      {doc.nodes.map((n) => (
        <rect
          key={n.id}
          x={n.position[0]}
          y={n.position[1]}
          width={GEOMETRY.width}
          height={120}
          className="sc-minimap__node"
        />
      ))}
    </>
  )
})

/** The visible part of the canvas; redrawn alone while panning. */
function Viewport() {
  const { canvas } = useEditor()
  useCanvasTopic('viewport', canvas.store.viewport)
  const { x, y, k } = canvas.area.area.transform
  const { width: clientWidth, height: clientHeight } = canvas.size()
  const visible: Box = {
    left: -x / k,
    top: -y / k,
    right: (clientWidth - x) / k,
    bottom: (clientHeight - y) / k,
  }
  return (
    <rect
      className="sc-minimap__view"
      x={visible.left}
      y={visible.top}
      width={visible.right - visible.left}
      height={visible.bottom - visible.top}
    />
  )
}

function useDoc(): WorkflowDocument {
  const { canvas } = useEditor()
  const [doc, setDoc] = useState(canvas.history.doc)
  useEffect(() => canvas.history.subscribe((next) => setDoc(next)), [canvas])
  return doc
}
