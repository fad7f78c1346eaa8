import type { NodeRegistry, WorkflowDocument } from '@shotchain/graph'
import type { NodeViews } from '../views/node-view.ts'
import type { Box } from './bounds.ts'
import {
  edgesByTarget,
  inputPoint,
  outputPoint,
  type Point,
  portLayout,
  pullOf,
} from './geometry.ts'
import { nodeSize } from './node-size.ts'
import { type Cell, createGrid } from './scene-grid.ts'

/** A node as the map draws it: its document position and drawn size. */
export interface SceneNode {
  readonly id: string
  readonly type: string
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
  /** Its place in the document's node list: a later node is drawn over an earlier one. */
  readonly order: number
}

/** An edge as the map draws it: its ends relative to their nodes' top-left corners. */
export interface SceneWire {
  readonly id: string
  readonly from: string
  readonly to: string
  /** The start (output socket) relative to the `from` node's position. */
  readonly start: Point
  /** The end (input socket) relative to the `to` node's position. */
  readonly end: Point
  /** The port type it carries (`image`, `video`, …): its colour. */
  readonly type: string
}

/** A document's geometry, computed once per document: what the map and culling work with. */
export interface Scene {
  readonly nodes: ReadonlyMap<string, SceneNode>
  readonly wires: readonly SceneWire[]
  /** The wires at each node, by node id. */
  readonly wiresAt: ReadonlyMap<string, readonly SceneWire[]>
  /** The nodes and wires whose boxes meet each grid cell (`CELL` px), by `"col,row"`. */
  readonly cells: ReadonlyMap<string, Cell>
}

const scenes = new WeakMap<
  WorkflowDocument,
  { registry: NodeRegistry; views: NodeViews; scene: Scene }
>()

/**
 * The document's node boxes and wire ends, from fixed geometry (no DOM reads): the same
 * arithmetic `ConnectionPath` and the sockets use, so the map and the DOM agree to the pixel.
 * Cached per document object (for the last registry and views it was asked with).
 */
export function sceneOf(doc: WorkflowDocument, registry: NodeRegistry, views: NodeViews): Scene {
  const cached = scenes.get(doc)
  if (cached?.registry === registry && cached.views === views) return cached.scene
  const into = edgesByTarget(doc)
  const nodes = new Map<string, SceneNode>()
  const layouts = new Map<string, ReturnType<typeof portLayout>>()
  for (const node of doc.nodes) {
    const spec = registry.get(node.type)
    const edges = into.get(node.id) ?? []
    if (spec) layouts.set(node.id, portLayout(spec, edges))
    const { width, height } = nodeSize(node, spec, edges, views)
    const [x, y] = node.position
    nodes.set(node.id, { id: node.id, type: node.type, x, y, width, height, order: nodes.size })
  }
  const byId = new Map(doc.nodes.map((n) => [n.id, n]))
  const grid = createGrid()
  for (const node of nodes.values())
    grid.put(
      nodeBox(node, () => undefined),
      node,
    )
  const wires: SceneWire[] = []
  const wiresAt = new Map<string, SceneWire[]>()
  for (const edge of doc.edges) {
    const from = byId.get(edge.from.node)
    const to = byId.get(edge.to.node)
    const fromLayout = layouts.get(edge.from.node)
    const toLayout = layouts.get(edge.to.node)
    if (!from || !to || !fromLayout || !toLayout) continue
    const start = outputPoint(from, fromLayout, edge.from.port)
    const end = inputPoint(to, toLayout, edge, into.get(to.id) ?? [])
    const type = registry.get(from.type)?.outputs[edge.from.port]?.type ?? 'unknown'
    const wire: SceneWire = {
      id: edge.id,
      from: from.id,
      to: to.id,
      start: { x: start.x - from.position[0], y: start.y - from.position[1] },
      end: { x: end.x - to.position[0], y: end.y - to.position[1] },
      type,
    }
    wires.push(wire)
    for (const at of [from.id, to.id]) wiresAt.set(at, [...(wiresAt.get(at) ?? []), wire])
    grid.put(curveBox(start, end), wire)
  }
  const scene = { nodes, wires, wiresAt, cells: grid.cells }
  scenes.set(doc, { registry, views, scene })
  return scene
}

/** A node's live position (during a drag), or undefined for its document position. */
export type LivePosition = (id: string) => Point | undefined

/** Where the wire starts and ends now; undefined when an end's node is not in the scene. */
export function wireEnds(
  scene: Scene,
  wire: SceneWire,
  position: LivePosition,
): [Point, Point] | undefined {
  const from = scene.nodes.get(wire.from)
  const to = scene.nodes.get(wire.to)
  if (!from || !to) return undefined
  const a = position(from.id) ?? from
  const b = position(to.id) ?? to
  return [
    { x: a.x + wire.start.x, y: a.y + wire.start.y },
    { x: b.x + wire.end.x, y: b.y + wire.end.y },
  ]
}

/** The box around a wire's curve and its control points: the curve lies inside it. */
export function curveBox(start: Point, end: Point): Box {
  const pull = pullOf(start, end)
  return {
    left: Math.min(start.x, end.x - pull),
    right: Math.max(start.x + pull, end.x),
    top: Math.min(start.y, end.y),
    bottom: Math.max(start.y, end.y),
  }
}

/** Whether the wire's curve can cross `box` (the box around its control points meets it). */
export function curveMeets(start: Point, end: Point, box: Box): boolean {
  const c = curveBox(start, end)
  return c.right >= box.left && c.left <= box.right && c.bottom >= box.top && c.top <= box.bottom
}

/** The node's box at its live position, else at its document's. */
export function nodeBox(node: SceneNode, position: LivePosition): Box {
  const { x, y } = position(node.id) ?? node
  return { left: x, top: y, right: x + node.width, bottom: y + node.height }
}
