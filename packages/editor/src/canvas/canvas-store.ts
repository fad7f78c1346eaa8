import type {
  AnyNodeSpec,
  Issue,
  NodeRegistry,
  WorkflowDocument,
  WorkflowEdge,
  WorkflowNode,
} from '@shotchain/graph'
import { validateDocument } from '@shotchain/graph'
import type { NodeRunStatus } from '../editor-props.ts'
import type { Box } from '../model/bounds.ts'
import { GEOMETRY, type Point } from '../model/geometry.ts'
import { createKeyedListeners } from './listeners.ts'

/** Everything one node's component draws; a new object only when something in it changed. */
export interface NodeSnapshot {
  readonly node: WorkflowNode
  readonly spec: AnyNodeSpec | undefined
  /** Edges into this node, in document order. */
  readonly into: readonly WorkflowEdge[]
  readonly issues: readonly Issue[]
  readonly selected: boolean
}

/** The elements Rete made for nodes and connections, which React fills through portals. */
export interface ViewList {
  readonly nodes: ReadonlyMap<string, HTMLElement>
  readonly connections: ReadonlyMap<string, HTMLElement>
}

/** A connection being dragged: from a socket to the pointer, with the verdict so far. */
export interface DragPreview {
  readonly from: Point
  readonly to: Point
  /** Set while over a socket that refuses the edge. */
  readonly refused?: string
}

/** Drawing at low zoom: nodes as plain cards, no bodies. */
export type Detail = 'full' | 'low'

/** Taller than any node, so a node whose top is above the screen but body on it still counts. */
const MAX_NODE_HEIGHT = 600

type Topic = 'views' | 'detail' | 'notice' | 'drag' | 'viewport'

/**
 * The React side's view of the canvas: one external store, listened to per node, per
 * position and per topic, so a change redraws only what it touches.
 */
export function createCanvasStore(registry: NodeRegistry) {
  const topics = createKeyedListeners()
  const nodeListeners = createKeyedListeners()
  const positionListeners = createKeyedListeners()
  const snapshots = new Map<string, NodeSnapshot>()
  const positions = new Map<string, Point>()
  const visibleListeners = createKeyedListeners()
  const visible = new Set<string>()
  const runListeners = createKeyedListeners()
  let runStatus: ReadonlyMap<string, NodeRunStatus> = new Map()
  let viewport: Box | undefined
  let doc: WorkflowDocument | undefined
  let views: ViewList = { nodes: new Map(), connections: new Map() }
  let viewsDirty = false
  let held = 0
  let detail: Detail = 'full'
  let notice: string | undefined
  let drag: DragPreview | undefined
  let viewportVersion = 0
  const emit = (topic: Topic) => topics.emit(topic)
  /** A quarter screen of margin around the viewport, so panning finds bodies already drawn. */
  const updateVisible = (node: WorkflowNode) => {
    if (viewport === undefined) return
    const at = positions.get(node.id) ?? { x: node.position[0], y: node.position[1] }
    const mx = (viewport.right - viewport.left) / 4
    const my = (viewport.bottom - viewport.top) / 4
    const on =
      at.x + GEOMETRY.width > viewport.left - mx &&
      at.x < viewport.right + mx &&
      at.y + MAX_NODE_HEIGHT > viewport.top - my &&
      at.y < viewport.bottom + my
    if (on === visible.has(node.id)) return
    if (on) visible.add(node.id)
    else visible.delete(node.id)
    visibleListeners.emit(node.id)
  }

  const pending = {
    nodes: new Map<string, HTMLElement | null>(),
    connections: new Map<string, HTMLElement | null>(),
  }
  const markView = (kind: keyof ViewList, id: string, element: HTMLElement | null) => {
    pending[kind].set(id, element)
    if (!viewsDirty) {
      viewsDirty = true
      queueMicrotask(applyPending)
    }
  }
  const applyPending = () => {
    if (held > 0) return
    const nodes = new Map(views.nodes)
    const connections = new Map(views.connections)
    for (const [id, el] of pending.nodes) el ? nodes.set(id, el) : nodes.delete(id)
    for (const [id, el] of pending.connections)
      el ? connections.set(id, el) : connections.delete(id)
    pending.nodes.clear()
    pending.connections.clear()
    viewsDirty = false
    views = { nodes, connections }
    emit('views')
  }

  return {
    subscribe: (topic: Topic, listener: () => void) => topics.on(topic, listener),
    views: () => views,
    setNodeView: (id: string, element: HTMLElement | null) => markView('nodes', id, element),
    setConnectionView: (id: string, element: HTMLElement | null) =>
      markView('connections', id, element),
    /** Holds view-list updates (a bulk load) until `release`, then draws once. */
    hold: () => {
      held++
    },
    release: () => {
      held--
      if (held === 0 && viewsDirty) applyPending()
    },

    doc: () => doc,
    /** Takes a new document: re-checks it and refreshes the snapshots of changed nodes. */
    setDoc(next: WorkflowDocument, selected: (id: string) => boolean) {
      doc = next
      const issues = issuesByNode(next, registry)
      const into = new Map<string, WorkflowEdge[]>()
      for (const edge of next.edges) {
        const list = into.get(edge.to.node)
        if (list) list.push(edge)
        else into.set(edge.to.node, [edge])
      }
      const alive = new Set<string>()
      for (const node of next.nodes) {
        alive.add(node.id)
        const old = snapshots.get(node.id)
        const fresh: NodeSnapshot = {
          node,
          spec: registry.get(node.type),
          into: sameItems(old?.into, into.get(node.id)) ?? into.get(node.id) ?? [],
          issues: sameIssues(old?.issues, issues.get(node.id)) ?? issues.get(node.id) ?? [],
          selected: selected(node.id),
        }
        if (old === undefined) updateVisible(node)
        if (!sameSnapshot(old, fresh)) {
          snapshots.set(node.id, fresh)
          nodeListeners.emit(node.id)
        }
      }
      for (const id of [...snapshots.keys()]) if (!alive.has(id)) snapshots.delete(id)
    },
    node: (id: string) => snapshots.get(id),
    onNode: (id: string, listener: () => void) => nodeListeners.on(id, listener),
    setSelected(id: string, selected: boolean) {
      const old = snapshots.get(id)
      if (old === undefined || old.selected === selected) return
      snapshots.set(id, { ...old, selected })
      nodeListeners.emit(id)
    },

    /** Takes the run states to show; only nodes whose state changed hear about it. */
    setRunStatus(next: ReadonlyMap<string, NodeRunStatus>) {
      const previous = runStatus
      runStatus = next
      for (const id of new Set([...previous.keys(), ...next.keys()])) {
        if (!sameStatus(previous.get(id), next.get(id))) runListeners.emit(id)
      }
    },
    runStatus: (id: string) => runStatus.get(id),
    onRunStatus: (id: string, listener: () => void) => runListeners.on(id, listener),

    position: (id: string) => positions.get(id),
    onPosition: (id: string, listener: () => void) => positionListeners.on(id, listener),
    setPosition(id: string, point: Point) {
      positions.set(id, point)
      positionListeners.emit(id)
      const snapshot = snapshots.get(id)
      if (snapshot) updateVisible(snapshot.node)
    },
    forgetPosition: (id: string) => positions.delete(id),

    detail: () => detail,
    setDetail(next: Detail) {
      if (next === detail) return
      detail = next
      emit('detail')
    },
    notice: () => notice,
    setNotice(next: string | undefined) {
      notice = next
      emit('notice')
    },
    /** The view moved or zoomed (the minimap follows). */
    /** The part of the canvas on screen moved or zoomed: the minimap follows, nodes cull. */
    setViewport(box: Box) {
      viewport = box
      viewportVersion++
      for (const snapshot of snapshots.values()) updateVisible(snapshot.node)
      emit('viewport')
    },
    /** Counts view moves: a value that changes whenever the viewport does. */
    viewport: () => viewportVersion,
    /** Whether a node is on screen or near it; off-screen nodes draw no body. */
    isVisible: (id: string) => viewport === undefined || visible.has(id),
    onVisible: (id: string, listener: () => void) => visibleListeners.on(id, listener),
    drag: () => drag,
    setDrag(next: DragPreview | undefined) {
      drag = next
      emit('drag')
    },
  }
}

export type CanvasStore = ReturnType<typeof createCanvasStore>

function issuesByNode(doc: WorkflowDocument, registry: NodeRegistry): Map<string, Issue[]> {
  const byNode = new Map<string, Issue[]>()
  for (const issue of validateDocument(doc, registry)) {
    for (const id of issue.nodeIds ?? (issue.nodeId ? [issue.nodeId] : [])) {
      const list = byNode.get(id)
      if (list) list.push(issue)
      else byNode.set(id, [issue])
    }
  }
  return byNode
}

function sameItems<T>(a: readonly T[] | undefined, b: readonly T[] | undefined) {
  if (a === undefined || b === undefined || a.length !== b.length) return undefined
  return a.every((x, k) => x === b[k]) ? a : undefined
}

function sameIssues(a: readonly Issue[] | undefined, b: readonly Issue[] | undefined) {
  if (a === undefined || b === undefined || a.length !== b.length) return undefined
  return a.every((x, k) => x.message === b[k]?.message && x.field === b[k]?.field) ? a : undefined
}

function sameSnapshot(a: NodeSnapshot | undefined, b: NodeSnapshot): boolean {
  return (
    a !== undefined &&
    a.node === b.node &&
    a.into === b.into &&
    a.issues === b.issues &&
    a.selected === b.selected &&
    a.spec === b.spec
  )
}

function sameStatus(a: NodeRunStatus | undefined, b: NodeRunStatus | undefined): boolean {
  if (a === b) return true
  if (a === undefined || b === undefined) return false
  const images = (s: NodeRunStatus) => JSON.stringify(s.inputImages ?? {})
  return (
    a.state === b.state &&
    a.detail === b.detail &&
    a.since === b.since &&
    a.field === b.field &&
    a.videoUrl === b.videoUrl &&
    a.imageUrl === b.imageUrl &&
    images(a) === images(b)
  )
}
