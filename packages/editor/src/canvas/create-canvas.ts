import type { GraphCommand, NodeRegistry, WorkflowHistory } from '@shotchain/graph'
import { NodeEditor } from 'rete'
import { AreaExtensions, AreaPlugin } from 'rete-area-plugin'
import {
  type Box,
  boxesOf,
  documentBounds,
  openingTransform,
  revealTransform,
} from '../model/bounds.ts'
import type { SocketRef } from '../model/connect-intent.ts'
import { fitClearOfCorner, MINIMAP_CORNER } from '../model/fit-clear.ts'
import { nodesInMarquee } from '../model/marquee.ts'
import { nodeBoxes } from '../model/node-boxes.ts'
import { sceneOf } from '../model/scene.ts'
import { type LooseWire, looseWire } from '../model/wire-drop.ts'
import type { NodeViews } from '../views/node-view.ts'
import { accumulateOnModifier } from './accumulate-on-modifier.ts'
import { attachMap, type CanvasMap } from './attach-map.ts'
import { createBodyGate } from './body-gate.ts'
import type { CanvasStore } from './canvas-store.ts'
import { legibleZoom } from './legible-zoom.ts'
import { marqueeGesture } from './marquee-gesture.ts'
import type { AreaSignals, CanvasArea, CanvasEditor, Schemes } from './rete-types.ts'
import { syncCanvas } from './sync-canvas.ts'
import { watchViews } from './watch-views.ts'
import { wiresBehindNodes } from './wires-behind-nodes.ts'

/** Where a right click is the browser's (paste, spelling), not the canvas's menu. */
const TEXT_FIELDS = 'input, textarea, select, [contenteditable]:not([contenteditable="false"])'

/** Below this zoom, nodes are drawn as plain cards (level of detail). */
export const LOW_DETAIL_ZOOM = 0.4

/** How far the canvas zooms out and in (1 is 100%); below `MAP_ZOOM` the map draws it. */
export const ZOOM_LIMITS = { min: 0.02, max: 2 } as const

/** What `createCanvas` draws, into what, and whom it tells about a right click. */
export interface CanvasOptions {
  readonly container: HTMLElement
  readonly history: WorkflowHistory
  readonly registry: NodeRegistry
  /** The host's node views: body heights size the nodes. */
  readonly views: NodeViews
  readonly store: CanvasStore
  /** A right click on the canvas (`nodeId` undefined) or on a node. */
  readonly onContextMenu: (event: MouseEvent, nodeId: string | undefined) => void
  /** A new wire let go over empty canvas (the pointer's point is the event's). */
  readonly onWireDropped?: (wire: LooseWire, event: PointerEvent) => void
}

/**
 * The Rete canvas over a workflow history: Rete's node editor and area (zoom, pan, node views,
 * drag, selection) kept in step with the document. The document is the source of truth: every
 * history change is planned (`planSync`) and played onto Rete; a drag ends in `move` commands.
 */
export function createCanvas(options: CanvasOptions) {
  const { container, history, registry, views, store } = options
  const editor: CanvasEditor = new NodeEditor<Schemes>()
  const area: CanvasArea = new AreaPlugin<Schemes, AreaSignals>(container)
  editor.use(area)
  const bodies = createBodyGate()
  const selector = AreaExtensions.selector()
  const accumulating = accumulateOnModifier(container)
  const selectable = AreaExtensions.selectableNodes(area, selector, { accumulating })
  AreaExtensions.restrictor(area, { scaling: ZOOM_LIMITS })
  watchViews(area, store)
  wiresBehindNodes(area)
  // Declared before the pipe below uses it; set once the functions it needs exist.
  let map: CanvasMap | undefined

  const answered = new WeakSet<MouseEvent>()
  area.addPipe((context) => {
    if (context.type === 'zoom' && context.data.source === 'dblclick') return undefined
    if (context.type === 'zoomed') {
      const detail = area.area.transform.k < LOW_DETAIL_ZOOM ? 'low' : 'full'
      container.dataset.detail = detail
      store.setDetail(detail)
      viewportChanged()
    }
    if (context.type === 'translated') viewportChanged()
    if (context.type === 'nodetranslated') {
      store.setPosition(context.data.id, context.data.position)
      map?.request()
    }
    if (context.type === 'nodedragged') {
      // The press is over: a later move of this node (undo, arrange) must not drag the others.
      selector.release()
      commitMoves()
    }
    if (context.type === 'contextmenu') {
      const { event } = context.data
      // A text field keeps the browser's own menu (paste, spelling).
      if ((event.target as Element | null)?.closest(TEXT_FIELDS)) return context
      // The area signals a right click on a node twice: for the node, then for the canvas as the
      // event bubbles on. Answer each click once, for the node under the pointer.
      event.preventDefault()
      if (answered.has(event)) return context
      answered.add(event)
      options.onContextMenu(event, nodeAt(event.clientX, event.clientY))
    }
    return context
  })

  // The container's size, kept by an observer: reading it on every wheel event would force a
  // layout in the middle of the frame.
  const size = { width: container.clientWidth, height: container.clientHeight }
  const resized = new ResizeObserver(([entry]) => {
    if (entry === undefined) return
    size.width = entry.contentRect.width
    size.height = entry.contentRect.height
    viewportChanged()
  })
  resized.observe(container)
  // Known from the start, so the minimap can frame the view before the first load is fitted.
  store.setViewport(viewBox())

  /** The part of the canvas on screen, in canvas coordinates. */
  function viewBox(): Box {
    const { x, y, k } = area.area.transform
    const { width, height } = size
    return { left: -x / k, top: -y / k, right: (width - x) / k, bottom: (height - y) / k }
  }

  /** The view moved, zoomed or resized: bodies wait, and the store learns what is on screen. */
  function viewportChanged() {
    bodies.moved()
    store.setViewport(viewBox())
    map?.moved()
  }

  /** A drag moved the picked node (and the selected ones with it): one undo entry. */
  function commitMoves() {
    const moved = history.doc.nodes.filter((node) => {
      const at = area.nodeViews.get(node.id)?.position
      return at !== undefined && (at.x !== node.position[0] || at.y !== node.position[1])
    })
    if (moved.length === 0) return
    const moves = moved.map((node): GraphCommand => {
      const at = area.nodeViews.get(node.id)?.position ?? { x: 0, y: 0 }
      // Whole pixels: the saved file stays readable, and the view snaps to what was saved.
      return { type: 'move', node: node.id, position: [Math.round(at.x), Math.round(at.y)] }
    })
    if (apply(moves)) return
    // Refused: the views go back to where the document has the nodes.
    for (const node of moved) {
      void area.translate(node.id, { x: node.position[0], y: node.position[1] })
    }
  }

  /**
   * Frames the given nodes (all when absent), from document geometry: no DOM reads. No node is
   * left under the minimap.
   */
  async function fit(ids?: readonly string[]) {
    const view = clearFit(ids)
    await show(view ?? { x: 0, y: 0, k: 1 })
  }

  /** The fit of the nodes `ids` (all when absent) that leaves the minimap's corner free. */
  function clearFit(ids?: readonly string[]) {
    const boxes = boxesOf(history.doc, registry, ids, views)
    return fitClearOfCorner(boxes, size.width, size.height, MINIMAP_CORNER)
  }

  /**
   * Frames a workflow just opened: as `fit`, but never below the zoom where node text is
   * legible; a workflow too large for that opens on its start (`openingTransform`).
   */
  async function frameOpened() {
    const k = legibleZoom(container)
    const clear = clearFit()
    const box = documentBounds(history.doc, registry, undefined, views)
    if (clear === undefined || box === undefined) return show({ x: 0, y: 0, k: 1 })
    await show(clear.k >= k ? clear : openingTransform(box, size.width, size.height, k))
  }

  /** Pans (zoom kept) the least that brings the nodes `ids` into view; nothing if they are. */
  async function reveal(ids: readonly string[]) {
    const box = documentBounds(history.doc, registry, ids, views)
    const moved = box && revealTransform(box, area.area.transform, size.width, size.height)
    if (moved) await area.area.translate(moved.x, moved.y)
    // A jump, not a gesture: the nodes it brings into view are drawn at once.
    map?.jumped()
  }

  /** Shows the canvas with this transform. */
  async function show(view: { x: number; y: number; k: number }) {
    // As AreaExtensions.zoomAt does: place, then zoom about the origin (which keeps x and y).
    area.area.transform.x = view.x
    area.area.transform.y = view.y
    await area.area.zoom(view.k, 0, 0)
    viewportChanged()
    // A jump, not a gesture: what it shows is drawn at once.
    map?.jumped()
  }

  /** Zooms to `k` (kept within `ZOOM_LIMITS`) about the middle of the view. */
  async function zoomTo(k: number) {
    const { x, y, k: now } = area.area.transform
    const next = Math.min(ZOOM_LIMITS.max, Math.max(ZOOM_LIMITS.min, k))
    // Rete's area adds (ox, oy) to the translation: what keeps the middle where it is.
    const grow = next / now - 1
    await area.area.zoom(next, (x - size.width / 2) * grow, (y - size.height / 2) * grow)
  }

  /** Selects the nodes, in place of the selection or (`add`) with it. */
  async function select(ids: readonly string[], add = false) {
    if (!add) await selector.unselectAll()
    for (const id of ids) await selectable.select(id, true)
  }

  /**
   * The node under a point on the screen: its card, else the node the map paints there. The
   * cards far from the view are not in the layout, so `elementFromPoint` alone would miss them.
   */
  function nodeAt(clientX: number, clientY: number): string | undefined {
    const under = document.elementFromPoint(clientX, clientY)
    const card = under?.closest<HTMLElement>('[data-node-id]')?.dataset.nodeId
    if (card !== undefined || !under || !container.contains(under)) return card
    const [x, y] = toCanvas(clientX, clientY)
    return map?.nodeAt({ x, y })
  }

  /** Canvas coordinates (what a node's `position` holds) of a point on the screen. */
  function toCanvas(clientX: number, clientY: number): [number, number] {
    const rect = container.getBoundingClientRect()
    const { x, y, k } = area.area.transform
    return [(clientX - rect.left - x) / k, (clientY - rect.top - y) / k]
  }

  /** What to undo if the canvas goes away first: listeners of a gesture under way. */
  const cleanups = new Set<() => void>()
  /**
   * Runs `cleanup` when the canvas is destroyed, unless the returned function is called first
   * (the gesture ended). For listeners outside the canvas, on the window.
   */
  function onDestroy(cleanup: () => void): () => void {
    cleanups.add(cleanup)
    return () => cleanups.delete(cleanup)
  }

  map = attachMap({
    container,
    area,
    store,
    history,
    scene: () => sceneOf(history.doc, registry, views),
    size: () => size,
    toCanvas,
    select: (id, add) => void select([id], add),
    selected: selectedIds,
    commit: commitMoves,
    onDestroy,
  })

  // After the map: a press on a node the map paints is the map's, with or without modifiers.
  const marquee = marqueeGesture({
    container,
    draw: store.setMarquee,
    toCanvas,
    done: (box, add) =>
      void select(nodesInMarquee(nodeBoxes(history.doc, registry, views), box), add),
  })

  /** The selected nodes' ids. */
  function selectedIds(): string[] {
    return editor
      .getNodes()
      .filter((n) => n.selected)
      .map((n) => n.id)
  }

  const synced = syncCanvas({
    editor,
    area,
    store,
    history,
    selector,
    selectable,
    fit: frameOpened,
  })

  /**
   * Applies an edit made on the canvas. A refusal is shown as the canvas notice (after
   * `refusal`, when given); returns whether the document took it.
   */
  function apply(
    commands: GraphCommand | readonly GraphCommand[],
    options: { readonly mergeKey?: string; readonly refusal?: string } = {},
  ): boolean {
    const { mergeKey, refusal } = options
    const result = history.apply(commands, { registry, ...(mergeKey ? { mergeKey } : {}) })
    if (result.ok) {
      // New nodes (a next shot, a paste, a pick from the palette) are brought into view.
      const list: readonly GraphCommand[] = Array.isArray(commands) ? commands : [commands]
      const added = list.flatMap((c) => (c.type === 'addNode' ? [c.node.id] : []))
      if (added.length > 0) void synced.ready().then(() => reveal(added))
      return true
    }
    const reason = result.issues[0]?.message ?? 'the edit was refused'
    store.setNotice(refusal ? `${refusal}: ${reason}` : reason)
    return false
  }

  return {
    editor,
    area,
    store,
    bodies,
    /** The canvas element's size in CSS px, without a layout read. */
    size: () => size,
    history,
    registry,
    views,
    container,
    /** Resolves once the canvas shows the history's current document. */
    ready: synced.ready,
    apply,
    onDestroy,
    selected: selectedIds,
    select,
    fit,
    reveal,
    zoomTo,
    /** The zoom the canvas is drawn at (1 is 100%). */
    zoom: () => area.area.transform.k,
    /** A wire dragged from `socket` was let go over empty canvas: tells `onWireDropped`. */
    wireDropped(socket: SocketRef, event: PointerEvent) {
      const wire = looseWire(history.doc, registry, socket)
      if (wire) options.onWireDropped?.(wire, event)
    },
    toCanvas,
    nodeAt,
    destroy() {
      for (const cleanup of [...cleanups]) cleanup()
      cleanups.clear()
      synced.stop()
      accumulating.destroy()
      marquee.destroy()
      map.destroy()
      resized.disconnect()
      area.destroy()
    },
  }
}

/** A canvas made by `createCanvas`: Rete, the store, and what the components ask of it. */
export type Canvas = ReturnType<typeof createCanvas>
