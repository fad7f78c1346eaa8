import type { GraphCommand } from '@shotchain/graph'
import { type ConnectIntent, connectIntent, type SocketRef } from '../model/connect-intent.ts'
import {
  edgesByTarget,
  freeInputPoint,
  outputPoint,
  type Point,
  portLayout,
} from '../model/geometry.ts'
import { newEdgeId } from '../model/new-ids.ts'
import type { Canvas } from './create-canvas.ts'
import { socketAt } from './socket-dom.ts'

/**
 * Drag-to-connect, checked by the document's own rules while dragging. Starting on an input that
 * has an edge picks that edge up by its output end: dropping it on empty canvas removes it,
 * dropping it on another input moves it (one undo entry), a refused drop leaves it where it was.
 * A new wire dropped on empty canvas is handed to the canvas's `onWireDropped`.
 */
export function startConnectionDrag(canvas: Canvas, socket: SocketRef, event: PointerEvent): void {
  const { history, registry, store } = canvas
  event.preventDefault()
  event.stopPropagation()
  const doc = history.doc
  let origin = socket
  let detached: string | undefined
  if (socket.side === 'input') {
    const spec = registry.get(doc.nodes.find((n) => n.id === socket.node)?.type ?? '')
    const taken = doc.edges.find((e) => e.to.node === socket.node && e.to.port === socket.port)
    if (taken && spec?.inputs[socket.port]?.list !== true) {
      detached = taken.id
      origin = { node: taken.from.node, side: 'output', port: taken.from.port }
    }
  }
  const from = socketPoint(canvas, origin)
  if (from === undefined) return
  const intentFor = (target: SocketRef): ConnectIntent => {
    const base = detached ? docWithout(history.doc, detached) : history.doc
    return connectIntent(base, registry, origin, target, newEdgeId())
  }
  const move = (e: PointerEvent) => {
    const target = socketAt(e.clientX, e.clientY)
    const verdict = target && !isSame(target, origin) ? intentFor(target) : undefined
    const [x, y] = canvas.toCanvas(e.clientX, e.clientY)
    const to = { x, y }
    const refused =
      target && verdict?.ok === false
        ? { reason: verdict.reason, socket: socketPoint(canvas, target) ?? to, side: target.side }
        : undefined
    store.setDrag({ from, to, ...(refused ? { refused } : {}) })
  }
  /** Ends the gesture without touching the document (also when the canvas goes away). */
  const forget = canvas.onDestroy(() => end())
  const end = () => {
    window.removeEventListener('pointermove', move)
    window.removeEventListener('pointerup', up)
    window.removeEventListener('pointercancel', end)
    forget()
    store.setDrag(undefined)
  }
  const up = (e: PointerEvent) => {
    end()
    const target = socketAt(e.clientX, e.clientY)
    const unhook: GraphCommand[] = detached ? [{ type: 'disconnect', id: detached }] : []
    if (target === undefined || isSame(target, origin)) {
      if (unhook.length > 0 && target === undefined) canvas.apply(unhook)
      // A new wire let go over empty canvas: the host offers the nodes that could take it.
      else if (target === undefined && isEmptyCanvas(canvas, e)) canvas.wireDropped(origin, e)
      return
    }
    const verdict = intentFor(target)
    if (!verdict.ok) {
      store.setNotice(`Not connected: ${verdict.reason}`)
      return
    }
    canvas.apply([...unhook, verdict.command], { refusal: 'Not connected' })
  }
  window.addEventListener('pointermove', move)
  window.addEventListener('pointerup', up)
  // A cancelled pointer (the system took it) is not a drop: nothing changes.
  window.addEventListener('pointercancel', end)
  move(event)
}

/** Whether the pointer is over the canvas itself: over no node (card or painted), not off it. */
function isEmptyCanvas(canvas: Canvas, event: PointerEvent): boolean {
  const element = document.elementFromPoint(event.clientX, event.clientY)
  return (
    element !== null &&
    canvas.container.contains(element) &&
    canvas.nodeAt(event.clientX, event.clientY) === undefined
  )
}

function isSame(a: SocketRef, b: SocketRef): boolean {
  return a.node === b.node && a.side === b.side && a.port === b.port
}

function docWithout(doc: Canvas['history']['doc'], edgeId: string) {
  return { ...doc, edges: doc.edges.filter((e) => e.id !== edgeId) }
}

/** Where a socket sits on the canvas, from the node's live position and fixed geometry. */
function socketPoint(canvas: Canvas, socket: SocketRef): Point | undefined {
  const doc = canvas.history.doc
  const node = doc.nodes.find((n) => n.id === socket.node)
  const spec = node && canvas.registry.get(node.type)
  if (node === undefined || spec === undefined) return undefined
  const live = canvas.store.position(node.id)
  const at = live ? { ...node, position: [live.x, live.y] as const } : node
  const into = edgesByTarget(doc).get(node.id) ?? []
  const layout = portLayout(spec, into)
  if (socket.side === 'output') return outputPoint(at, layout, socket.port)
  // A new edge into a list input goes last: the line starts at the free row.
  return freeInputPoint(at, layout, socket.port)
}
