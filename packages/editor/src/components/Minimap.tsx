import type { NodeRegistry } from '@shotchain/graph'
import { useEffect, useMemo, useRef, useState } from 'react'
import { type Box, documentBounds } from '../model/bounds.ts'
import { MINIMAP_SIZE } from '../model/fit-clear.ts'
import { useEditor } from './editor-context.ts'
import { useMinimapNodes } from './use-minimap-nodes.ts'

/** Small and quiet: a glance at where the view is, not a second canvas. */
const SIZE = MINIMAP_SIZE
const PAD = 80

/**
 * The whole workflow in miniature with the visible part framed (both always fit); a press
 * centres the view there. The nodes are painted once per document into an image (however many
 * there are); following the view redraws that image at a new place and moves the frame, so a
 * moving view costs the same at 10 nodes and at 10,000.
 */
export function Minimap({ registry }: { registry: NodeRegistry }) {
  const { canvas } = useEditor()
  const { views } = canvas
  const doc = useDoc()
  const visible = useSettledViewport()
  const bounds = useMemo(
    () => documentBounds(doc, registry, undefined, views),
    [doc, registry, views],
  )
  const nodes = useMinimapNodes(doc, registry, views, bounds)
  const ref = useRef<HTMLCanvasElement>(null)
  const box: Box | undefined =
    bounds && visible
      ? {
          left: Math.min(bounds.left - PAD, visible.left),
          top: Math.min(bounds.top - PAD, visible.top),
          right: Math.max(bounds.right + PAD, visible.right),
          bottom: Math.max(bounds.bottom + PAD, visible.bottom),
        }
      : undefined
  const scale = box
    ? Math.min(SIZE.width / (box.right - box.left), SIZE.height / (box.bottom - box.top))
    : 1
  useEffect(() => {
    const ctx = ref.current?.getContext('2d')
    if (!ctx || !box || !bounds || !nodes) return
    const ratio = ctx.canvas.width / SIZE.width
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0)
    ctx.clearRect(0, 0, SIZE.width, SIZE.height)
    const x = (bounds.left - box.left) * scale
    const y = (bounds.top - box.top) * scale
    const w = (bounds.right - bounds.left) * scale
    const h = (bounds.bottom - bounds.top) * scale
    ctx.drawImage(nodes, x, y, w, h)
  })
  if (box === undefined || visible === undefined) return null
  const goTo = (event: React.PointerEvent<HTMLDivElement>) => {
    const rect = event.currentTarget.getBoundingClientRect()
    const x = box.left + (event.clientX - rect.left) / scale
    const y = box.top + (event.clientY - rect.top) / scale
    const { k } = canvas.area.area.transform
    const view = canvas.size()
    void canvas.area.area.translate(view.width / 2 - x * k, view.height / 2 - y * k)
  }
  return (
    <div
      role="img"
      aria-label="Minimap: click to look there"
      className="sc-minimap"
      style={{ width: SIZE.width, height: SIZE.height }}
      onPointerDown={goTo}
      data-testid="minimap"
    >
      <canvas
        ref={ref}
        width={SIZE.width * devicePixelRatio}
        height={SIZE.height * devicePixelRatio}
        style={{ width: SIZE.width, height: SIZE.height }}
      />
      <div
        className="sc-minimap__view"
        style={{
          left: (visible.left - box.left) * scale,
          top: (visible.top - box.top) * scale,
          width: (visible.right - visible.left) * scale,
          height: (visible.bottom - visible.top) * scale,
        }}
      />
    </div>
  )
}

function useDoc() {
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
