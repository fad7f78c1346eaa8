import type { BenchHooks, ViewportPoint, ViewTransform } from '../bench-hooks.ts'

/** Grid step when looking for empty canvas, CSS px. */
const PROBE_STEP = 16

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
 * is the element a press on empty canvas lands on (Rete's area container). Reads only.
 */
export function createProbes(surface: () => Element | null | undefined): Probes {
  function view(): ViewTransform | undefined {
    const canvas = surface()
    // Rete's area content: the child of the container that holds the nodes; its inline
    // transform (`translate(…) scale(…)`) is the view, at full precision.
    let content: Element | null = nodes()[0] ?? null
    while (content && content.parentElement !== canvas) content = content.parentElement
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
      const box = nodes()[0]?.getBoundingClientRect()
      return box && { x: box.x, y: box.y, width: box.width }
    },
    view,
    firstNodesCentre(count) {
      const boxes = [...nodes()].slice(0, count).map((node) => node.getBoundingClientRect())
      if (boxes.length === 0) return undefined
      const left = Math.min(...boxes.map((b) => b.left))
      const top = Math.min(...boxes.map((b) => b.top))
      const right = Math.max(...boxes.map((b) => b.right))
      const bottom = Math.max(...boxes.map((b) => b.bottom))
      return { x: (left + right) / 2, y: (top + bottom) / 2 }
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
      let waiting = 0
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
