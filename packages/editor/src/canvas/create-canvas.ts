import type { NodeRegistry, WorkflowDocument, WorkflowHistory } from '@shotchain/graph'
import { NodeEditor } from 'rete'
import { AreaExtensions, AreaPlugin } from 'rete-area-plugin'
import { documentBounds, fitTransform } from '../model/bounds.ts'
import { nodeSize } from '../model/node-size.ts'
import { planSync } from '../model/sync-plan.ts'
import { createBodyGate } from './body-gate.ts'
import type { CanvasStore } from './canvas-store.ts'
import type { AreaSignals, CanvasArea, CanvasEditor, ReteNode, Schemes } from './rete-types.ts'
import { watchViews } from './watch-views.ts'

/** Below this zoom, nodes are drawn as plain cards (level of detail). */
export const LOW_DETAIL_ZOOM = 0.4

export interface CanvasOptions {
  readonly container: HTMLElement
  readonly history: WorkflowHistory
  readonly registry: NodeRegistry
  readonly store: CanvasStore
  /** A right click on the canvas (`nodeId` undefined) or on a node. */
  readonly onContextMenu: (event: MouseEvent, nodeId: string | undefined) => void
}

/**
 * The Rete canvas over a workflow history: Rete's node editor and area (zoom, pan, node views,
 * drag, selection) kept in step with the document. The document is the source of truth: every
 * history change is planned (`planSync`) and played onto Rete; a drag ends in `move` commands.
 */
export function createCanvas(options: CanvasOptions) {
  const { container, history, registry, store } = options
  const editor: CanvasEditor = new NodeEditor<Schemes>()
  const area: CanvasArea = new AreaPlugin<Schemes, AreaSignals>(container)
  editor.use(area)
  const bodies = createBodyGate()
  const selection = AreaExtensions.selector()
  const selectable = AreaExtensions.selectableNodes(area, selection, {
    accumulating: AreaExtensions.accumulateOnCtrl(),
  })
  AreaExtensions.restrictor(area, { scaling: { min: 0.05, max: 2 } })
  watchViews(area, store)

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
    }
    if (context.type === 'nodedragged') commitMoves()
    if (context.type === 'contextmenu') {
      // The area signals a right click on a node twice: for the node, then for the canvas as the
      // event bubbles on. Answer each click once, for the node under the pointer.
      const { event } = context.data
      event.preventDefault()
      if (answered.has(event)) return context
      answered.add(event)
      const card = (event.target as Element | null)?.closest<HTMLElement>('[data-node-id]')
      options.onContextMenu(event, card?.dataset.nodeId)
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

  /** Tells the store which part of the canvas is on screen (canvas coordinates). */
  function viewportChanged() {
    bodies.moved()
    const { x, y, k } = area.area.transform
    const { width, height } = size
    store.setViewport({
      left: -x / k,
      top: -y / k,
      right: (width - x) / k,
      bottom: (height - y) / k,
    })
  }

  /** A drag moved the picked node (and the selected ones with it): one undo entry. */
  function commitMoves() {
    const moves = []
    for (const node of history.doc.nodes) {
      const at = area.nodeViews.get(node.id)?.position
      if (at && (at.x !== node.position[0] || at.y !== node.position[1])) {
        // Whole pixels: the saved file stays readable, and the view snaps to what was saved.
        const position = [Math.round(at.x), Math.round(at.y)] as const
        moves.push({ type: 'move' as const, node: node.id, position })
      }
    }
    if (moves.length > 0) history.apply(moves)
  }

  let destroyed = false
  /** Frames the given nodes (all when absent), from document geometry: no DOM reads. */
  async function fit(ids?: readonly string[]) {
    const box = documentBounds(history.doc, registry, ids)
    // An empty workflow is shown at 1:1 with the origin in the top-left corner.
    const view = box ? fitTransform(box, size.width, size.height) : { x: 0, y: 0, k: 1 }
    // As AreaExtensions.zoomAt does: place, then zoom about the origin (which keeps x and y).
    area.area.transform.x = view.x
    area.area.transform.y = view.y
    await area.area.zoom(view.k, 0, 0)
    viewportChanged()
  }

  let shown: WorkflowDocument | undefined
  let framed = false
  let queue = Promise.resolve()
  /** Plays history changes onto Rete one at a time; a burst collapses into one sync. */
  function sync() {
    queue = queue.then(async () => {
      const next = history.doc
      if (next === shown) return
      if (destroyed) return
      const plan = planSync(shown, next)
      // The first load frames the document before drawing it, so nodes are drawn once, at the
      // level of detail of the zoom they will be seen at.
      if (!framed) {
        framed = true
        await fit()
      }
      shown = next
      const isSelected = (id: string) => editor.getNode(id)?.selected === true
      store.setDoc(next, isSelected)
      store.hold()
      try {
        for (const id of plan.removeEdges) {
          if (editor.getConnection(id)) await editor.removeConnection(id)
        }
        for (const id of plan.removeNodes) {
          if (editor.getNode(id)) await editor.removeNode(id)
          store.forgetPosition(id)
        }
        for (const node of plan.addNodes) {
          const snapshot = store.node(node.id)
          const size = nodeSize(node.type, snapshot?.spec, snapshot?.into ?? [])
          const shell: ReteNode = { id: node.id, label: node.type, ...size }
          await editor.addNode(shell)
          await area.translate(node.id, { x: node.position[0], y: node.position[1] })
        }
        for (const node of plan.moveNodes) {
          await area.translate(node.id, { x: node.position[0], y: node.position[1] })
        }
        for (const edge of plan.addEdges) {
          await editor.addConnection({
            id: edge.id,
            source: edge.from.node,
            sourceOutput: edge.from.port,
            target: edge.to.node,
            targetInput: edge.to.port,
          })
        }
      } finally {
        store.release()
      }
    })
    return queue
  }
  const stop = history.subscribe((_doc, change) => {
    // A load (or New) frames the new document, as opening a file does.
    if (change.source === 'reset') framed = false
    void sync()
  })
  const ready = sync()

  return {
    editor,
    area,
    store,
    bodies,
    /** The canvas element's size in CSS px, without a layout read. */
    size: () => size,
    history,
    registry,
    container,
    /** Resolves once the canvas shows the history's current document. */
    ready: () => ready.then(() => queue),
    selected: (): string[] =>
      editor
        .getNodes()
        .filter((n) => n.selected)
        .map((n) => n.id),
    async select(ids: readonly string[]) {
      await selection.unselectAll()
      for (const id of ids) await selectable.select(id, true)
    },
    fit,
    /** Canvas coordinates (what a node's `position` holds) of a point on the screen. */
    toCanvas(clientX: number, clientY: number): [number, number] {
      const rect = container.getBoundingClientRect()
      const { x, y, k } = area.area.transform
      return [(clientX - rect.left - x) / k, (clientY - rect.top - y) / k]
    },
    destroy() {
      destroyed = true
      resized.disconnect()
      stop()
      area.destroy()
    },
  }
}

export type Canvas = ReturnType<typeof createCanvas>
