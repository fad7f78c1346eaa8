import type { NodeRegistry, WorkflowDocument } from '@shotchain/graph'
import type { Box } from '../model/bounds.ts'
import type { Point, Side } from '../model/geometry.ts'
import { createKeyedListeners } from './listeners.ts'
import { type NodeSnapshot, refreshSnapshots } from './node-snapshots.ts'
import { createRunStatus } from './run-status.ts'
import { createViewList } from './view-list.ts'

/** Why the socket under the pointer refuses the dragged connection, and where it is. */
export interface DragRefusal {
  readonly reason: string
  /** The socket's centre, in canvas coordinates. */
  readonly socket: Point
  /** The socket's side of its node: the hint goes on the other side of the socket. */
  readonly side: Side
}

/** A connection being dragged: from a socket to the pointer, with the verdict so far. */
export interface DragPreview {
  readonly from: Point
  readonly to: Point
  /** Set while over a socket that refuses the edge. */
  readonly refused?: DragRefusal
}

/** The nodes and connections React draws into their elements. */
export interface Mounted {
  readonly nodes: ReadonlySet<string>
  readonly connections: ReadonlySet<string>
}

/** Drawing at low zoom: nodes as plain cards, no bodies. */
export type Detail = 'full' | 'low'

/** The canvas-wide values components subscribe to as a whole. */
export type CanvasTopic =
  | 'views'
  | 'detail'
  | 'notice'
  | 'drag'
  | 'viewport'
  | 'selection'
  | 'marquee'
  | 'mounted'
  | 'runs'

/**
 * The React side's view of the canvas: one external store, listened to per node, per
 * position and per topic, so a change redraws only what it touches. It holds the node
 * snapshots, live positions, run states, which nodes are on screen, the view list, the level
 * of detail, the notice and the dragged connection.
 */
export function createCanvasStore(registry: NodeRegistry) {
  const topics = createKeyedListeners()
  const emit = (topic: CanvasTopic) => topics.emit(topic)
  const nodeListeners = createKeyedListeners()
  const positionListeners = createKeyedListeners()
  const snapshots = new Map<string, NodeSnapshot>()
  const positions = new Map<string, Point>()
  let viewport: Box | undefined
  /** Nodes whose live position is not their document's (being dragged, or not yet synced). */
  const displaced = new Set<string>()
  const checkDisplaced = (id: string) => {
    const at = positions.get(id)
    const placed = snapshots.get(id)?.node.position
    const away =
      at !== undefined && placed !== undefined && (at.x !== placed[0] || at.y !== placed[1])
    if (away) displaced.add(id)
    else displaced.delete(id)
  }
  const runs = createRunStatus()
  const shown = new Set<string>()
  const shownListeners = createKeyedListeners()
  let doc: WorkflowDocument | undefined
  let detail: Detail = 'full'
  let notice: string | undefined
  let drag: DragPreview | undefined
  let marquee: Box | undefined
  let mounted: Mounted = { nodes: new Set(), connections: new Set() }

  return {
    /** Calls `listener` whenever `topic` changes; returns the unsubscribe. */
    subscribe: (topic: CanvasTopic, listener: () => void) => topics.on(topic, listener),
    ...createViewList(() => emit('views')),
    ...runs,
    /** Takes the run states to show; a node's listeners hear of its change, `runs` of any. */
    setRunStatus(next: Parameters<typeof runs.setRunStatus>[0]) {
      runs.setRunStatus(next)
      emit('runs')
    },

    /** The document the snapshots were made from (undefined before the first sync). */
    doc: () => doc,
    /** Takes a new document: re-checks it and refreshes the snapshots of changed nodes. */
    setDoc(next: WorkflowDocument, selected: (id: string) => boolean) {
      doc = next
      const { changed } = refreshSnapshots(snapshots, next, registry, selected)
      for (const id of [...displaced]) checkDisplaced(id)
      for (const id of changed) nodeListeners.emit(id)
    },
    /** The node's snapshot; undefined for a node not in the document. */
    node: (id: string) => snapshots.get(id),
    onNode: (id: string, listener: () => void) => nodeListeners.on(id, listener),
    /** Rete selected or unselected the node. */
    setSelected(id: string, selected: boolean) {
      const old = snapshots.get(id)
      if (old === undefined || old.selected === selected) return
      snapshots.set(id, { ...old, selected })
      nodeListeners.emit(id)
      emit('selection')
    },

    /** The node's live position, which moves during a drag before the document does. */
    position: (id: string) => positions.get(id),
    onPosition: (id: string, listener: () => void) => positionListeners.on(id, listener),
    /** Rete moved the node's view (a drag, or a move played from the document). */
    setPosition(id: string, point: Point) {
      positions.set(id, point)
      positionListeners.emit(id)
      checkDisplaced(id)
    },
    /** The node left the canvas. */
    forgetPosition(id: string) {
      positions.delete(id)
      displaced.delete(id)
    },
    /** The nodes drawn away from their document position (a drag): culling checks them by id. */
    displaced: (): ReadonlySet<string> => displaced,

    /** The part of the canvas on screen, in canvas coordinates (undefined until first set). */
    viewport: () => viewport,
    /** The part of the canvas on screen moved or zoomed: the minimap follows, nodes cull. */
    setViewport(box: Box) {
      viewport = box
      emit('viewport')
    },
    /** Whether the DOM shows the node's card (else it is hidden, and the map may draw it). */
    isShown: (id: string) => shown.has(id),
    /** The nodes whose cards the DOM shows. */
    shownNodes: (): ReadonlySet<string> => shown,
    /** Calls `listener` when the node's card is shown or hidden; returns the unsubscribe. */
    onShown: (id: string, listener: () => void) => shownListeners.on(id, listener),
    /** Culling showed or hid the node's card. */
    setShown(id: string, on: boolean) {
      if (on === shown.has(id)) return
      if (on) shown.add(id)
      else shown.delete(id)
      shownListeners.emit(id)
    },
    /** Forgets the shown state of nodes that left the canvas. */
    forgetShown(gone: (id: string) => boolean) {
      for (const id of shown) if (gone(id)) shown.delete(id)
    },

    /** The level of detail the zoom asks for. */
    detail: () => detail,
    setDetail(next: Detail) {
      if (next === detail) return
      detail = next
      emit('detail')
    },
    /** The nodes and connections React draws (the rest are hidden, or drawn by the map). */
    mounted: () => mounted,
    /** Culling decided what React draws: `CanvasLayer` renders these. */
    setMounted(nodes: ReadonlySet<string>, connections: ReadonlySet<string>) {
      mounted = { nodes, connections }
      emit('mounted')
    },
    /** The canvas notice (a refused edit), if any. */
    notice: () => notice,
    setNotice(next: string | undefined) {
      notice = next
      emit('notice')
    },
    /** The connection being dragged, if any. */
    drag: () => drag,
    setDrag(next: DragPreview | undefined) {
      drag = next
      emit('drag')
    },
    /** The marquee being drawn, in the canvas element's CSS px, if any. */
    marquee: () => marquee,
    setMarquee(next: Box | undefined) {
      marquee = next
      emit('marquee')
    },
  }
}

/** The canvas store (see `createCanvasStore`). */
export type CanvasStore = ReturnType<typeof createCanvasStore>
