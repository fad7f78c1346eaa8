import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CHROMIUM_ARGS, requireChromium } from '@shotchain/test-machine'
import { type Browser, chromium } from 'playwright-core'
import { formatMs, mean, median, percentile, round } from '../measure.ts'
import type { BenchHooks, BenchMode, BenchWindow, PageStatus } from './bench-hooks.ts'
import { type FrameIntervals, panGesture, VIEWPORT, zoomGesture } from './gestures.ts'
import { buildPage, servePage } from './serve-page.ts'
import { waitForDetails, zoomToWork } from './work-view.ts'
import { benchWorkflow } from './workflow.ts'

// Editor benchmark: opens a 300-node workflow (100 three-node shots) in headless Chromium, drawn
// by our editor and by Rete's stock classic preset, alternately in one run; times loading until
// every node and connection is drawn, then the frame intervals of a drag pan and a wheel zoom at
// the fitted overview, and again at 1:1 over the first shots once their details are drawn.
// Progress goes to stderr; one JSON line of figures to stdout. See docs/benchmarks.md.

const SHOTS = 100
const ROUNDS = 3
const GESTURE_STEPS = 60
/** At 1:1 the zoom swings ±6 notches (×1.77 … ×0.94), staying above our detail threshold. */
const WORK_ZOOM_SWING = 6
const LOAD_TIMEOUT_MS = 120_000
/** What every `https://example.com/end-k.jpg` of the workflow serves: a 1280×720 JPEG, 20 KB. */
const END_FRAME = join(import.meta.dirname, '../../examples/images/studio.jpg')
const log = (message: string) => console.error(message)

/** One load of a mode on a fresh page, and its pans and zooms at the overview and at 1:1. */
interface Sample {
  readonly loadMs: number
  readonly settledMs: number
  readonly domElements: number
  readonly zoom: FrameIntervals
  readonly pan: FrameIntervals
  readonly workZoom: FrameIntervals
  readonly workPan: FrameIntervals
}

/**
 * Loads the page in `mode`, waits until it is drawn and settled, then pans and zooms; then zooms
 * to 1:1 over the first shots, waits for their details, and pans and zooms again.
 */
async function sample(
  browser: Browser,
  url: string,
  mode: BenchMode,
  endFrame: Buffer,
): Promise<Sample> {
  const context = await browser.newContext({ viewport: VIEWPORT })
  try {
    // The workflow's image urls are served locally: the run stays offline and the same each time.
    await context.route('https://example.com/**', (route) =>
      route.fulfill({ body: endFrame, contentType: 'image/jpeg' }),
    )
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.stack ?? error.message))
    const consoleErrors = new Set<string>()
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.add(message.text())
    })
    await page.goto(`${url}?mode=${mode}&shots=${SHOTS}`)
    // Polled on a timer, not on frames, so that the wait adds no rAF callbacks to the load.
    await page.waitForFunction(
      () => {
        const state = (globalThis as BenchWindow).__bench?.status.state
        return state !== undefined && state !== 'loading' && state !== 'drawn'
      },
      undefined,
      { polling: 250, timeout: LOAD_TIMEOUT_MS },
    )
    const hooks = await page.evaluateHandle(() => (globalThis as BenchWindow).__bench as BenchHooks)
    const status: PageStatus = await hooks.evaluate((bench) => bench.status)
    if (status.state !== 'settled') throw new Error(`${mode} page: ${JSON.stringify(status)}`)
    const pan = await panGesture(page, hooks, GESTURE_STEPS)
    const zoom = await zoomGesture(page, hooks, GESTURE_STEPS)
    await zoomToWork(page, hooks)
    await waitForDetails(page)
    const workPan = await panGesture(page, hooks, GESTURE_STEPS)
    const workZoom = await zoomGesture(page, hooks, GESTURE_STEPS, WORK_ZOOM_SWING)
    if (errors.length > 0) throw new Error(`${mode} page errors:\n${errors.join('\n')}`)
    for (const text of consoleErrors) log(`  [${mode} console error] ${text}`)
    const { loadMs, settledMs, domElements } = status
    return { loadMs, settledMs, domElements, zoom, pan, workZoom, workPan }
  } finally {
    await context.close()
  }
}

/** Average and p95 of a gesture's frame intervals. */
function frameStats(intervals: FrameIntervals) {
  return { avg: mean(intervals), p95: percentile(intervals, 95) }
}

function describe(mode: BenchMode, i: number, s: Sample): string {
  const frames = (name: string, intervals: FrameIntervals) => {
    const { avg, p95 } = frameStats(intervals)
    return `${name} ${avg.toFixed(1)}/${p95.toFixed(1)} ms over ${intervals.length} frames`
  }
  return `  ${mode} #${i}: drawn ${formatMs(s.loadMs)}, settled ${formatMs(s.settledMs)}, ${s.domElements} elements; ${frames('pan', s.pan)}, ${frames('zoom', s.zoom)}; at 1:1 ${frames('pan', s.workPan)}, ${frames('zoom', s.workZoom)} (avg/p95)`
}

/** The medians over rounds. */
function summarize(samples: readonly Sample[]) {
  const figure = (pick: (s: Sample) => number, digits = 3) =>
    round(median(samples.map(pick)), digits)
  return {
    loadMs: figure((s) => s.loadMs),
    settledMs: figure((s) => s.settledMs),
    zoomFrameMs: figure((s) => frameStats(s.zoom).avg),
    zoomP95Ms: figure((s) => frameStats(s.zoom).p95),
    panFrameMs: figure((s) => frameStats(s.pan).avg),
    panP95Ms: figure((s) => frameStats(s.pan).p95),
    domElements: figure((s) => s.domElements, 6),
    workPanFrameMs: figure((s) => frameStats(s.workPan).avg),
    workPanP95Ms: figure((s) => frameStats(s.workPan).p95),
    workZoomFrameMs: figure((s) => frameStats(s.workZoom).avg),
    workZoomP95Ms: figure((s) => frameStats(s.workZoom).p95),
  }
}

/** `{ loadMs }` → `{ stockLoadMs }`. */
function withPrefix(prefix: string, figures: Readonly<Record<string, number>>) {
  return Object.fromEntries(
    Object.entries(figures).map(([name, value]) => [
      prefix + name.charAt(0).toUpperCase() + name.slice(1),
      value,
    ]),
  )
}

const doc = benchWorkflow(SHOTS)
const endFrame = await readFile(END_FRAME)
const outDir = await mkdtemp(join(tmpdir(), 'shotchain-bench-editor-'))
log(`building the page (vite, production) into ${outDir}`)
await buildPage(outDir).catch(async (error: unknown) => {
  await rm(outDir, { recursive: true, force: true })
  throw error
})
const served = await servePage(outDir)
const browser = await chromium.launch({
  executablePath: requireChromium(),
  args: [...CHROMIUM_ARGS],
})
try {
  log(
    `${doc.nodes.length} nodes, ${doc.edges.length} edges; Chromium ${browser.version()}, ${VIEWPORT.width}×${VIEWPORT.height}; ${ROUNDS} rounds, modes alternating`,
  )
  const samples: Record<BenchMode, Sample[]> = { ours: [], stock: [] }
  for (let r = 0; r < ROUNDS; r++) {
    const order: BenchMode[] = r % 2 === 0 ? ['ours', 'stock'] : ['stock', 'ours']
    for (const mode of order) {
      const result = await sample(browser, served.url, mode, endFrame)
      samples[mode].push(result)
      log(describe(mode, samples[mode].length, result))
    }
  }
  const ours = summarize(samples.ours)
  const stock = summarize(samples.stock)
  const speedup = round(stock.loadMs / ours.loadMs)
  console.log(
    JSON.stringify({
      nodes: doc.nodes.length,
      edges: doc.edges.length,
      ...ours,
      ...withPrefix('stock', stock),
      speedup,
      rounds: ROUNDS,
      chromium: browser.version(),
    }),
  )
} finally {
  await browser.close()
  await served.close()
  await rm(outDir, { recursive: true, force: true })
}
