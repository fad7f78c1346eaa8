import type { WorkflowDocument } from '@shotchain/graph'
import type { Page } from 'playwright-core'
import { type NodeSize, nodeRects } from './node-rects.ts'
import type { ScreenRect, ScreenView } from './view-moves.ts'

/** What `checkView` found, and how much it looked at (so a check of nothing shows). */
export interface ViewCheck {
  /** Each thing wrong, in words; empty when the view is right. */
  readonly problems: string[]
  /** Document nodes entirely inside the canvas. */
  readonly nodesInside: number
  /** Document edges whose two nodes are entirely inside the canvas. */
  readonly edgesInside: number
  /** Edges from a socket drawn on the canvas to a drawn node: each must have its connection. */
  readonly socketsChecked: number
  /** Connection ends measured against their own socket. */
  readonly endsChecked: number
}

/**
 * Checks the editor as drawn against `doc` in `view` (`canvas` is the part of the window the
 * canvas covers). Every drawn connection must start within `tolerance` px of the centre of its
 * own edge's source socket and end on its own target socket; a socket not drawn is allowed only
 * for an end off the canvas. Every node entirely inside the canvas must be drawn where its
 * position puts it, and every edge between two such nodes drawn with both its sockets; an edge
 * from a socket drawn on the canvas to any drawn node (however far) must have its connection.
 */
export function checkView(
  page: Page,
  doc: WorkflowDocument,
  view: ScreenView,
  canvas: ScreenRect,
  sizes: Readonly<Record<string, NodeSize>>,
  tolerance = 0.5,
): Promise<ViewCheck> {
  const inside = [...nodeRects(doc, view, sizes)].filter(
    ([, r]) =>
      r.left >= canvas.left &&
      r.top >= canvas.top &&
      r.right <= canvas.right &&
      r.bottom <= canvas.bottom,
  )
  const input = { edges: doc.edges, inside, canvas, tolerance }
  return page.evaluate(({ edges, inside, canvas, tolerance }) => {
    const problems: string[] = []
    const drawn = (element: Element | null) => {
      if (element === null || !element.checkVisibility({ visibilityProperty: true })) return false
      const box = element.getBoundingClientRect()
      return box.width > 0 || box.height > 0
    }
    const all = (css: string) => [...document.querySelectorAll(css)].filter(drawn)
    const q = (value: string) => JSON.stringify(value)
    const socket = (node: string, side: string, port: string) =>
      all(`[data-socket-node=${q(node)}][data-socket-side=${side}][data-socket-port=${q(port)}]`)
    const onCanvas = (p: { x: number; y: number }) =>
      p.x >= canvas.left && p.x <= canvas.right && p.y >= canvas.top && p.y <= canvas.bottom
    const fmt = (p: { x: number; y: number }) => `(${p.x.toFixed(1)}, ${p.y.toFixed(1)})`

    for (const [id, place] of inside) {
      const [card] = all(`[data-testid="node"][data-node-id=${q(id)}]`)
      if (card === undefined) {
        problems.push(`node ${id} is inside the view but not drawn`)
        continue
      }
      const box = card.getBoundingClientRect()
      const off = Math.hypot(box.left - place.left, box.top - place.top)
      if (off > tolerance) problems.push(`node ${id} is drawn ${off.toFixed(2)} px from its place`)
    }
    const ids = new Set(inside.map(([id]) => id))
    let edgesInside = 0
    let socketsChecked = 0
    for (const edge of edges) {
      if (!ids.has(edge.from.node) || !ids.has(edge.to.node)) continue
      edgesInside++
      const paths = all(`[data-testid="connection"][data-edge-id=${q(edge.id)}] path`)
      if (paths.length !== 1) problems.push(`edge ${edge.id} is drawn ${paths.length} times`)
      for (const [end, side] of [
        [edge.from, 'output'],
        [edge.to, 'input'],
      ] as const) {
        if (socket(end.node, side, end.port).length === 0)
          problems.push(`edge ${edge.id}: socket ${end.node} ${side} ${end.port} is not drawn`)
      }
    }

    // A socket on the canvas shows its wires: each edge from it to a drawn node has its
    // connection drawn (a wire to a node not drawn may be left to the editor's map canvas).
    const isDrawn = (node: string) =>
      all(`[data-testid="node"][data-node-id=${q(node)}]`).length > 0
    for (const element of all('[data-socket-node]')) {
      const { socketNode = '', socketSide = '', socketPort = '' } = (element as HTMLElement).dataset
      const box = element.getBoundingClientRect()
      if (!onCanvas({ x: box.left + box.width / 2, y: box.top + box.height / 2 })) continue
      for (const edge of edges) {
        const [end, other] = socketSide === 'output' ? [edge.from, edge.to] : [edge.to, edge.from]
        if (end.node !== socketNode || end.port !== socketPort || !isDrawn(other.node)) continue
        socketsChecked++
        if (all(`[data-testid="connection"][data-edge-id=${q(edge.id)}] path`).length === 0)
          problems.push(
            `edge ${edge.id} at ${socketNode} ${socketPort}, on the canvas, is not drawn`,
          )
      }
    }

    const byId = new Map(edges.map((edge) => [edge.id, edge]))
    let endsChecked = 0
    for (const svg of document.querySelectorAll<SVGElement>('[data-testid="connection"]')) {
      const path = svg.querySelector('path')
      if (path === null || !drawn(path)) continue
      const edge = byId.get(svg.dataset.edgeId ?? '')
      if (edge === undefined) {
        problems.push(`connection ${svg.dataset.edgeId} is drawn but is no edge of the workflow`)
        continue
      }
      const matrix = path.getScreenCTM() ?? undefined
      const at = (length: number) => path.getPointAtLength(length).matrixTransform(matrix)
      for (const [end, side, point] of [
        [edge.from, 'output', at(0)],
        [edge.to, 'input', at(path.getTotalLength())],
      ] as const) {
        const sockets = socket(end.node, side, end.port)
        const name = `connection ${edge.id}'s ${side === 'output' ? 'start' : 'end'} ${fmt(point)}`
        const [one] = sockets
        if (one === undefined) {
          if (onCanvas(point)) problems.push(`${name} is on the canvas with no socket drawn`)
          continue
        }
        if (sockets.length > 1) problems.push(`${name}: ${sockets.length} sockets of its port`)
        const box = one.getBoundingClientRect()
        const centre = { x: box.left + box.width / 2, y: box.top + box.height / 2 }
        const off = Math.hypot(point.x - centre.x, point.y - centre.y)
        endsChecked++
        if (off > tolerance)
          problems.push(`${name} is ${off.toFixed(2)} px from its socket at ${fmt(centre)}`)
      }
    }
    return { problems, nodesInside: inside.length, edgesInside, socketsChecked, endsChecked }
  }, input)
}
