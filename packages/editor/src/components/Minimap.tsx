import type { NodeRegistry, WorkflowDocument } from '@shotchain/graph'
import { memo, useEffect, useMemo, useState } from 'react'
import { type Box, documentBounds } from '../model/bounds.ts'
import { MINIMAP_SIZE } from '../model/fit-clear.ts'
import { edgesByTarget } from '../model/geometry.ts'
import { nodeSize } from '../model/node-size.ts'
import type { NodeViews } from '../views/node-view.ts'
import { useEditor } from './editor-context.ts'

/** Small and quiet: a glance at where the view is, not a second canvas. */
const SIZE = MINIMAP_SIZE
const PAD = 80

/**
 * The whole workflow in miniature with the visible part framed (both always fit); a press
 * centres the view there.
 */
export function Minimap({ registry }: { registry: NodeRegistry }) {
  const { canvas } = useEditor()
  const { views } = canvas
  const doc = useDoc()
  const visible = useSettledViewport()
  // Per document, not per view change.
  const bounds = useMemo(
    () => documentBounds(doc, registry, undefined, views),
    [doc, registry, views],
  )
  if (bounds === undefined || visible === undefined) return null
  const box: Box = {
    left: Math.min(bounds.left - PAD, visible.left),
    top: Math.min(bounds.top - PAD, visible.top),
    right: Math.max(bounds.right + PAD, visible.right),
    bottom: Math.max(bounds.bottom + PAD, visible.bottom),
  }
  const scale = Math.min(SIZE.width / (box.right - box.left), SIZE.height / (box.bottom - box.top))
  const goTo = (event: React.PointerEvent<SVGSVGElement>) => {
    const rect = event.currentTarget.getBoundingClientRect()
    const x = box.left + (event.clientX - rect.left) / scale
    const y = box.top + (event.clientY - rect.top) / scale
    const { k } = canvas.area.area.transform
    const view = canvas.size()
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
        <MinimapNodes doc={doc} registry={registry} views={views} />
        <rect
          className="sc-minimap__view"
          x={visible.left}
          y={visible.top}
          width={visible.right - visible.left}
          height={visible.bottom - visible.top}
        />
      </g>
    </svg>
  )
}

const MinimapNodes = memo(function MinimapNodes(props: {
  doc: WorkflowDocument
  registry: NodeRegistry
  views: NodeViews
}) {
  const into = edgesByTarget(props.doc)
  return (
    <>
      {props.doc.nodes.map((n) => (
        <rect
          key={n.id}
          x={n.position[0]}
          y={n.position[1]}
          {...nodeSize(n, props.registry.get(n.type), into.get(n.id) ?? [], props.views)}
          className="sc-minimap__node"
        />
      ))}
    </>
  )
})

function useDoc(): WorkflowDocument {
  const { canvas } = useEditor()
  const [doc, setDoc] = useState(canvas.history.doc)
  useEffect(() => canvas.history.subscribe((next) => setDoc(next)), [canvas])
  return doc
}

/** How often, at most, the minimap follows a moving view: a pan's frames stay the canvas's. */
const FOLLOW_MS = 100

/** The viewport box, updated at most every {@link FOLLOW_MS} and once more when the view stops. */
function useSettledViewport(): Box | undefined {
  const { store } = useEditor().canvas
  const [box, setBox] = useState(store.viewport)
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    const stop = store.subscribe('viewport', () => {
      timer ??= setTimeout(() => {
        timer = undefined
        setBox(store.viewport())
      }, FOLLOW_MS)
    })
    return () => {
      stop()
      if (timer !== undefined) clearTimeout(timer)
    }
  }, [store])
  return box
}
