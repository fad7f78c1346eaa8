import { createRegistry } from '@shotchain/graph'
import { builtInNodes } from '@shotchain/nodes'
import type { BenchHooks, BenchMode, PageStatus, ViewportPoint } from '../bench-hooks.ts'
import { benchWorkflow } from '../workflow.ts'
import { createFrameRecorder } from './frames.ts'
import type { MountedEditor } from './mounted-editor.ts'
import { mountOurs } from './ours.tsx'
import { mountStock } from './stock.ts'
import { watchLoad } from './watch-load.ts'

declare global {
  interface Window {
    /** `performance.now()` right before the editor starts loading the document. */
    __loadStart?: number
    __bench?: BenchHooks
  }
}

/** Grid step when looking for empty canvas, CSS px. */
const PROBE_STEP = 16

const params = new URLSearchParams(location.search)
const mode: BenchMode = params.get('mode') === 'ours' ? 'ours' : 'stock'
const doc = benchWorkflow(Number(params.get('shots') ?? 100))
const registry = createRegistry(builtInNodes)
const container = document.getElementById('editor') as HTMLElement
const frames = createFrameRecorder()
let status: PageStatus = { state: 'loading' }
let mounted: MountedEditor | undefined

function emptyPoint(minX: number): ViewportPoint | undefined {
  const surface = mounted?.surface()
  if (!surface) return undefined
  // Right to left, top to bottom: empty canvas beside the drawing, with room to drag left.
  for (let x = innerWidth - PROBE_STEP; x >= minX; x -= PROBE_STEP) {
    for (let y = PROBE_STEP; y < innerHeight; y += PROBE_STEP) {
      if (document.elementFromPoint(x, y) === surface) return { x, y }
    }
  }
  return undefined
}

window.__bench = {
  get status() {
    return status
  },
  emptyPoint,
  firstNodeBox() {
    const box = document.querySelector('[data-testid="node"]')?.getBoundingClientRect()
    return box && { x: box.x, y: box.y, width: box.width }
  },
  startFrames: frames.start,
  stopFrames: frames.stop,
}

const mount = mode === 'stock' ? mountStock : mountOurs
const loadStart = performance.now()
window.__loadStart = loadStart
try {
  mounted = mount(container, doc, registry)
  const counts = { nodes: doc.nodes.length, edges: doc.edges.length }
  watchLoad(loadStart, mounted.loaded, counts, (next) => {
    status = next
  })
} catch (error) {
  status = { state: 'failed', error: error instanceof Error ? (error.stack ?? '') : String(error) }
}
