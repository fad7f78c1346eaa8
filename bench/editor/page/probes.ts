import type { WorkflowDocument } from '@shotchain/graph'
import type { BenchHooks, ViewportPoint, ViewTransform } from '../bench-hooks.ts'

/** Grid step when looking for empty canvas, CSS px. */
const PROBE_STEP = 16
/** Every editor draws the bench's nodes this wide (canvas px). */
const NODE_WIDTH = 260

type Probes = Pick<
  BenchHooks,
  | 'emptyPoint'
  | 'firstNodeBox'
  | 'view'
  | 'firstNodesCentre'
  | 'isOnCanvas'
  | 'nodesAwaitingDetail'
  | 'whenStill'
>

const nodes = () => document.querySelectorAll<HTMLElement>('[data-testid="node"]')

/**
 * What the runner reads of the page: where nodes are drawn, the view, empty canvas. `surface`
 * is the element a press on empty canvas lands on (Rete's area container). Where the document's
 * first nodes are comes from the view and their document positions, not from their elements:
 * an editor that draws only what is near the view has no element for a node far from it. Reads
 * only.
 */
export function createProbes(
  surface: () => Element | null | undefined,
  doc: WorkflowDocument,
): Probes {
  function view(): ViewTransform | undefined {
    const canvas = surface()
    // The area's content: the child of the container that holds the nodes; its inline
    // transform (`translate(…) scale(…)`) is the view, at full precision.
    let content: Element | null = nodes()[0] ?? null
    while (content && content.parentElement !== canvas) content = content.parentElement
    content ??=
      [...(canvas?.children ?? [])].find(
        (child) => child instanceof HTMLElement && child.style.transform.includes('scale'),
      ) ?? null
    if (!canvas || !(content instanceof HTMLElement)) return undefined
    const matrix = new DOMMatrixReadOnly(content.style.transform)
    const origin = canvas.getBoundingClientRect()
    return { x: origin.left + matrix.e, y: origin.top + matrix.f, k: matrix.a }
  }
  return {
    emptyPoint(minX) {
      const canvas = surface()
      if (!canvas) return undefined
      // Right to left, top to bottom: empty canvas beside the drawing, with room to drag left.
      for (let x = innerWidth - PROBE_STEP; x >= minX; x -= PROBE_STEP) {
        for (let y = PROBE_STEP; y < innerHeight; y += PROBE_STEP) {
          if (document.elementFromPoint(x, y) === canvas) return { x, y }
        }
      }
      return undefined
    },
    firstNodeBox() {
      const at = view()
      const first = doc.nodes[0]
      if (!at || !first) return undefined
      const [x, y] = first.position
      return { x: at.x + at.k * x, y: at.y + at.k * y, width: at.k * NODE_WIDTH }
    },
    view,
    firstNodesCentre(count) {
      // The box of the first nodes' tops, NODE_WIDTH wide: heights differ between editors.
      const at = view()
      const first = doc.nodes.slice(0, count)
      if (!at || first.length === 0) return undefined
      const left = Math.min(...first.map((n) => n.position[0]))
      const right = Math.max(...first.map((n) => n.position[0])) + NODE_WIDTH
      const top = Math.min(...first.map((n) => n.position[1]))
      const bottom = Math.max(...first.map((n) => n.position[1]))
      return { x: at.x + (at.k * (left + right)) / 2, y: at.y + (at.k * (top + bottom)) / 2 }
    },
    isOnCanvas(point: ViewportPoint) {
      const hit = document.elementFromPoint(point.x, point.y)
      return hit !== null && surface()?.contains(hit) === true
    },
    whenStill(frames) {
      return new Promise((resolve) => {
        let last = JSON.stringify(view())
        let same = 0
        const frame = () => {
          const now = JSON.stringify(view())
          same = now === last ? same + 1 : 0
          last = now
          if (same < frames) requestAnimationFrame(frame)
          else resolve()
        }
        requestAnimationFrame(frame)
      })
    },
    nodesAwaitingDetail() {
      // Ours: nodes on screen still waiting to be drawn by React (the map draws them meanwhile).
      const map = surface()?.querySelector<HTMLElement>('[data-testid="canvas-map"]')
      let waiting = Number(map?.dataset.waiting ?? 0)
      for (const node of nodes()) {
        const box = node.getBoundingClientRect()
        const onScreen =
          box.right > 0 && box.bottom > 0 && box.left < innerWidth && box.top < innerHeight
        if (onScreen && !node.querySelector('[data-testid$="-socket"], .react-flow__handle'))
          waiting++
      }
      return waiting
    },
  }
}
