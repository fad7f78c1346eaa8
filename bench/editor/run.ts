import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { benchWorkflow } from '@shotchain/nodes/testing'
import { CHROMIUM_ARGS, requireChromium } from '@shotchain/test-machine'
import { type Browser, chromium } from 'playwright-core'
import { round } from '../measure.ts'
import type { BenchMode } from './bench-hooks.ts'
import { describe, summarize, withPrefix } from './figures.ts'
import { VIEWPORT } from './gestures.ts'
import { type Sample, sample } from './sample.ts'
import { buildPage, servePage } from './serve-page.ts'

// Editor benchmark: opens a workflow of N three-node shots in headless Chromium, drawn by our
// editor, by Rete's stock classic preset and by React Flow, alternately in one run; times loading until every
// node and connection is drawn, then the frame intervals of a drag pan and a wheel zoom at the
// opening view, and again at 1:1 over the first shots once their details are drawn. One JSON
// line of figures per size to stdout (`--shots N` for one size; by default 100 and 334);
// progress to stderr. See docs/benchmarks.md.

/** The sizes run without `--shots`: 300 nodes (the figures since issue 6) and 1,002 (issue 18). */
const DEFAULT_SHOTS = [100, 334]
const DEFAULT_ROUNDS = 3
/** What every `https://example.com/end-k.jpg` of the workflow serves: a 1280×720 JPEG, 20 KB. */
const END_FRAME = join(import.meta.dirname, '../../examples/images/studio.jpg')
const log = (message: string) => console.error(message)

/** `--shots N` (repeatable) and `--rounds N`; pnpm's `--` separator is dropped. */
function options() {
  const { values } = parseArgs({
    args: process.argv.slice(2).filter((arg) => arg !== '--'),
    options: {
      shots: { type: 'string', multiple: true },
      rounds: { type: 'string' },
    },
  })
  const count = (text: string, name: string) => {
    const n = Number(text)
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} wants a whole number ≥ 1`)
    return n
  }
  return {
    sizes: values.shots?.map((text) => count(text, 'shots')) ?? DEFAULT_SHOTS,
    rounds: values.rounds === undefined ? DEFAULT_ROUNDS : count(values.rounds, 'rounds'),
  }
}

/** Runs every mode `rounds` times on a workflow of `shots` shots; prints its figures line. */
async function benchSize(browser: Browser, url: string, shots: number, rounds: number) {
  const doc = benchWorkflow(shots)
  log(
    `${doc.nodes.length} nodes, ${doc.edges.length} edges; Chromium ${browser.version()}, ${VIEWPORT.width}×${VIEWPORT.height}; ${rounds} rounds, modes alternating`,
  )
  const samples: Record<BenchMode, Sample[]> = { ours: [], stock: [], flow: [] }
  for (let r = 0; r < rounds; r++) {
    const order: BenchMode[] = r % 2 === 0 ? ['ours', 'stock', 'flow'] : ['flow', 'stock', 'ours']
    for (const mode of order) {
      const result = await sample(browser, url, mode, endFrame, shots)
      samples[mode].push(result)
      log(describe(mode, samples[mode].length, result))
    }
  }
  const ours = summarize(samples.ours)
  const stock = summarize(samples.stock)
  const flow = summarize(samples.flow)
  console.log(
    JSON.stringify({
      nodes: doc.nodes.length,
      edges: doc.edges.length,
      ...ours,
      ...withPrefix('stock', stock),
      ...withPrefix('flow', flow),
      speedup: round(stock.loadMs / ours.loadMs),
      flowSpeedup: round(flow.loadMs / ours.loadMs),
      rounds,
      chromium: browser.version(),
    }),
  )
}

const { sizes, rounds } = options()
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
  for (const shots of sizes) await benchSize(browser, served.url, shots, rounds)
} finally {
  await browser.close()
  await served.close()
  await rm(outDir, { recursive: true, force: true })
}
