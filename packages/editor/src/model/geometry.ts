import type { AnyNodeSpec, WorkflowDocument, WorkflowEdge, WorkflowNode } from '@shotchain/graph'

/**
 * Fixed node geometry. The stylesheet draws nodes with exactly these sizes, so socket positions
 * come from arithmetic on the document instead of reading the DOM (the cost that makes stock
 * Rete slow to load: every socket read forces a layout).
 */
export const GEOMETRY = {
  width: 260,
  header: 34,
  row: 24,
  /** Padding above and below the port rows. */
  gap: 6,
  /** The card's border: the header, the rows and their sockets sit inside it. */
  border: 1,
} as const

/** A node's left side (inputs) or right side (outputs). */
export type Side = 'input' | 'output'

/** A point in canvas coordinates (what a node's `position` holds). */
export interface Point {
  readonly x: number
  readonly y: number
}

/** Where each port's row sits, counted from the top of the header (just inside the border). */
export interface PortLayout {
  /** Row centre of each input; a list input has one row per edge plus a free row for new ones. */
  readonly inputs: ReadonlyMap<string, readonly number[]>
  readonly outputs: ReadonlyMap<string, number>
  /** Height of header and port rows together: where the node's body starts. */
  readonly portsBottom: number
}

/** How many rows each list input needs: one per edge into it, plus one free row. */
export function listRows(edgesInto: readonly WorkflowEdge[], port: string): number {
  let count = 0
  for (const edge of edgesInto) if (edge.to.port === port) count++
  return count + 1
}

/** Rows for inputs (left) and outputs (right), side by side under the header. */
export function portLayout(spec: AnyNodeSpec, edgesInto: readonly WorkflowEdge[]): PortLayout {
  const { header, row, gap } = GEOMETRY
  const inputs = new Map<string, number[]>()
  let inputRow = 0
  for (const [key, input] of Object.entries(spec.inputs)) {
    const rows = input.list === true ? listRows(edgesInto, key) : 1
    const centres: number[] = []
    for (let k = 0; k < rows; k++) centres.push(header + gap + (inputRow + k) * row + row / 2)
    inputs.set(key, centres)
    inputRow += rows
  }
  const outputs = new Map<string, number>()
  let outputRow = 0
  for (const key of Object.keys(spec.outputs)) {
    outputs.set(key, header + gap + outputRow * row + row / 2)
    outputRow++
  }
  const rows = Math.max(inputRow, outputRow)
  return { inputs, outputs, portsBottom: header + gap * 2 + rows * row }
}

/** The edges into a list input, in their `order`; an edge's rank picks its row. */
export function orderedListEdges(edgesInto: readonly WorkflowEdge[], port: string): WorkflowEdge[] {
  return edgesInto
    .filter((e) => e.to.port === port)
    .sort((a, b) => (a.order ?? 0) - (b.order ?? 0) || a.id.localeCompare(b.id))
}

/** Canvas point of a socket: on the card's left (input) or right edge, `y` below the header's top. */
function socketPoint(node: WorkflowNode, side: Side, y: number): Point {
  const { width, border } = GEOMETRY
  // Sockets are centred on the inner edge of the border, where the rows end.
  const x = side === 'input' ? border : width - border
  return { x: node.position[0] + x, y: node.position[1] + border + y }
}

/** Canvas point of an edge's start (the output socket of its `from` node). */
export function outputPoint(node: WorkflowNode, layout: PortLayout, port: string): Point {
  return socketPoint(node, 'output', layout.outputs.get(port) ?? GEOMETRY.header)
}

/** Canvas point of an edge's end; for a list input, the row of the edge's rank. */
export function inputPoint(
  node: WorkflowNode,
  layout: PortLayout,
  edge: WorkflowEdge,
  edgesInto: readonly WorkflowEdge[],
): Point {
  const rows = layout.inputs.get(edge.to.port) ?? [GEOMETRY.header]
  let rank = 0
  if (rows.length > 1) {
    rank = Math.max(
      0,
      orderedListEdges(edgesInto, edge.to.port).findIndex((e) => e.id === edge.id),
    )
  }
  return socketPoint(node, 'input', rows[rank] ?? rows[0] ?? 0)
}

/** Canvas point of the input socket a new edge into `port` takes: a list input's free (last) row. */
export function freeInputPoint(node: WorkflowNode, layout: PortLayout, port: string): Point {
  return socketPoint(node, 'input', layout.inputs.get(port)?.at(-1) ?? GEOMETRY.header)
}

/** How far a connection's curve pulls out of its ends, horizontally (curvature 0.3). */
export const pullOf = (start: Point, end: Point) => Math.max(Math.abs(end.x - start.x) * 0.3, 40)

/** The curve of a connection, as Rete's classic preset draws it (curvature 0.3). */
export function connectionPath(start: Point, end: Point): string {
  const pull = pullOf(start, end)
  return `M ${start.x} ${start.y} C ${start.x + pull} ${start.y} ${end.x - pull} ${end.y} ${end.x} ${end.y}`
}

/** The edges into each node, in document order (nodes without edges are absent). */
export function edgesByTarget(doc: WorkflowDocument): Map<string, WorkflowEdge[]> {
  const into = new Map<string, WorkflowEdge[]>()
  for (const edge of doc.edges) {
    const list = into.get(edge.to.node)
    if (list) list.push(edge)
    else into.set(edge.to.node, [edge])
  }
  return into
}
