import type { WorkflowDocument, WorkflowEdge } from '@shotchain/graph'
import type { Page } from 'playwright-core'
import type { ScreenRect, ScreenView } from './view-moves.ts'

/** A point in canvas px relative to a node's top-left corner. */
interface Offset {
  readonly x: number
  readonly y: number
}

/** Where a kind of edge starts and ends on its nodes, measured from connections the DOM draws. */
export type WireEnds = ReadonlyMap<string, { readonly start: Offset; readonly end: Offset }>

/** An edge's kind: the types and ports at its two ends (ends of one kind sit alike). */
export function wireKind(doc: WorkflowDocument, edge: WorkflowEdge): string {
  const type = (id: string) => doc.nodes.find((n) => n.id === id)?.type ?? '?'
  return `${type(edge.from.node)}.${edge.from.port}>${type(edge.to.node)}.${edge.to.port}`
}

/**
 * Measures, for each kind of edge the DOM draws in `view`, where its path starts and ends
 * relative to its two nodes' document positions (through each path's screen transform).
 */
export async function measureWireEnds(
  page: Page,
  doc: WorkflowDocument,
  view: ScreenView,
): Promise<WireEnds> {
  const drawn = await page.evaluate(() =>
    [...document.querySelectorAll<SVGPathElement>('[data-testid="connection"] path')].flatMap(
      (path) => {
        const matrix = path.getScreenCTM()
        const id = path.closest<SVGElement>('[data-edge-id]')?.dataset.edgeId
        if (!matrix || !id || !path.checkVisibility()) return []
        const at = (length: number) => path.getPointAtLength(length).matrixTransform(matrix)
        const [start, end] = [at(0), at(path.getTotalLength())]
        return [{ id, start: { x: start.x, y: start.y }, end: { x: end.x, y: end.y } }]
      },
    ),
  )
  const place = (id: string) => doc.nodes.find((n) => n.id === id)?.position ?? [0, 0]
  const ends = new Map<string, { start: Offset; end: Offset }>()
  for (const { id, start, end } of drawn) {
    const edge = doc.edges.find((e) => e.id === id)
    if (!edge) continue
    const [fx, fy] = place(edge.from.node)
    const [tx, ty] = place(edge.to.node)
    ends.set(wireKind(doc, edge), {
      start: { x: (start.x - view.x) / view.k - fx, y: (start.y - view.y) / view.k - fy },
      end: { x: (end.x - view.x) / view.k - tx, y: (end.y - view.y) / view.k - ty },
    })
  }
  return ends
}

/**
 * The screen point halfway along an edge's curve in `view` (the curve of Rete's classic
 * connections: control points pulled out horizontally by 0.3 of the width, at least 40 px).
 */
export function wireMiddle(
  doc: WorkflowDocument,
  edge: WorkflowEdge,
  ends: WireEnds,
  view: ScreenView,
): { x: number; y: number } | undefined {
  const kind = ends.get(wireKind(doc, edge))
  const from = doc.nodes.find((n) => n.id === edge.from.node)?.position
  const to = doc.nodes.find((n) => n.id === edge.to.node)?.position
  if (!kind || !from || !to) return undefined
  const a = { x: from[0] + kind.start.x, y: from[1] + kind.start.y }
  const b = { x: to[0] + kind.end.x, y: to[1] + kind.end.y }
  const pull = Math.max(Math.abs(b.x - a.x) * 0.3, 40)
  // B(½) = (P0 + 3·P1 + 3·P2 + P3) / 8, with P1 = a + (pull, 0) and P2 = b − (pull, 0).
  const x = (a.x + 3 * (a.x + pull) + 3 * (b.x - pull) + b.x) / 8
  const y = (a.y + 3 * a.y + 3 * b.y + b.y) / 8
  return { x: view.x + view.k * x, y: view.y + view.k * y }
}

/** Whether `point` lies in `rect` grown by `margin` px. */
export const within = (point: { x: number; y: number }, rect: ScreenRect, margin: number) =>
  point.x >= rect.left - margin &&
  point.x <= rect.right + margin &&
  point.y >= rect.top - margin &&
  point.y <= rect.bottom + margin
