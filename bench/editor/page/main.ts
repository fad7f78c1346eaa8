import { createRegistry } from '@shotchain/graph'
import { builtInNodes } from '@shotchain/nodes'
import { benchWorkflow } from '@shotchain/nodes/testing'
import type { BenchHooks, BenchMode, PageStatus } from '../bench-hooks.ts'
import { mountFlow } from './flow.tsx'
import { createFrameRecorder } from './frames.ts'
import type { MountedEditor } from './mounted-editor.ts'
import { createMutationCounter } from './mutations.ts'
import { mountOurs } from './ours.tsx'
import { createProbes } from './probes.ts'
import { mountStock } from './stock.ts'
import { watchLoad } from './watch-load.ts'

declare global {
  interface Window {
    /** `performance.now()` right before the editor starts loading the document. */
    __loadStart?: number
    __bench?: BenchHooks
  }
}

const params = new URLSearchParams(location.search)
const mode: BenchMode =
  params.get('mode') === 'ours' || params.get('mode') === 'flow'
    ? (params.get('mode') as BenchMode)
    : 'stock'
const doc = benchWorkflow(Number(params.get('shots') ?? 100))
const registry = createRegistry(builtInNodes)
const container = document.getElementById('editor') as HTMLElement
const frames = createFrameRecorder()
const mutations = createMutationCounter()
let status: PageStatus = { state: 'loading' }
let mounted: MountedEditor | undefined

window.__bench = {
  get status() {
    return status
  },
  ...createProbes(() => mounted?.surface(), doc),
  startFrames: frames.start,
  stopFrames: frames.stop,
  startMutations: mutations.start,
  stopMutations: mutations.stop,
}

const mount = { stock: mountStock, ours: mountOurs, flow: mountFlow }[mode]
const loadStart = performance.now()
window.__loadStart = loadStart
try {
  mounted = mount(container, doc, registry)
  const counts = { nodes: doc.nodes.length, edges: doc.edges.length }
  watchLoad(loadStart, mounted, counts, (next) => {
    status = next
  })
} catch (error) {
  status = { state: 'failed', error: error instanceof Error ? (error.stack ?? '') : String(error) }
}
