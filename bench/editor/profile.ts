import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { CHROMIUM_ARGS, requireChromium } from '@shotchain/test-machine'
import { chromium, type JSHandle, type Page } from 'playwright-core'
import type { BenchHooks, BenchMode, BenchWindow } from './bench-hooks.ts'
import { panGesture, VIEWPORT, zoomGesture } from './gestures.ts'
import { type CpuProfile, printProfile, printTrace, type TraceEvent } from './profile-report.ts'
import { buildPage, servePage } from './serve-page.ts'
import { waitForDetails, zoomToWork } from './work-view.ts'

// Where a pan or zoom frame of our editor goes (issue 18): loads the bench page (built without
// minifying, so functions keep their names) with `--shots N` (334 by default) in `--mode`
// (ours), and records a pan and a zoom at the overview (F) and at 1:1, each under Chromium's
// tracing (time per event type on the page's main thread) and the V8 sampling profiler (self
// time per function), counting DOM mutations per frame. Prints a report to stdout.
// `pnpm --filter @shotchain/bench exec tsx editor/profile.ts [--shots N] [--mode stock]
// [--style CSS]`.

const STEPS = 60
const END_FRAME = join(import.meta.dirname, '../../examples/images/studio.jpg')
const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'v8.execute',
  'blink',
].join(',')

const { values } = parseArgs({
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  options: {
    shots: { type: 'string', default: '334' },
    mode: { type: 'string', default: 'ours' },
    style: { type: 'string' },
  },
})
const outDir = await mkdtemp(join(tmpdir(), 'shotchain-profile-editor-'))
await buildPage(outDir, { minify: false })
const served = await servePage(outDir)
const browser = await chromium.launch({
  executablePath: requireChromium(),
  args: [...CHROMIUM_ARGS],
})
const endFrame = await readFile(END_FRAME)

/** Records `gesture` under tracing and the CPU profiler, and prints where its frames went. */
async function profiled(
  page: Page,
  hooks: JSHandle<BenchHooks>,
  label: string,
  gesture: () => Promise<number[]>,
) {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
  await hooks.evaluate((bench) => bench.startMutations())
  await browser.startTracing(page, { categories: CATEGORIES.split(',') })
  await cdp.send('Profiler.start')
  const frames = await gesture()
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile }
  const trace = JSON.parse((await browser.stopTracing()).toString()) as {
    traceEvents: TraceEvent[]
  }
  const mutations = await hooks.evaluate((bench) => bench.stopMutations())
  await cdp.detach()
  const total = frames.reduce((sum, ms) => sum + ms, 0)
  console.log(
    `\n## ${label}: ${frames.length} frames, ${(total / frames.length).toFixed(1)} ms avg`,
  )
  console.log(
    `DOM mutation records: ${mutations} (${(mutations / frames.length).toFixed(0)} per frame)`,
  )
  printTrace(trace.traceEvents, frames.length)
  printProfile(profile, frames.length)
}

try {
  const context = await browser.newContext({ viewport: VIEWPORT })
  await context.route('https://example.com/**', (route) =>
    route.fulfill({ body: endFrame, contentType: 'image/jpeg' }),
  )
  const page = await context.newPage()
  await page.goto(`${served.url}?mode=${values.mode}&shots=${values.shots}`)
  await page.waitForFunction(
    () => (globalThis as BenchWindow).__bench?.status.state === 'settled',
    undefined,
    { polling: 250, timeout: 120_000 },
  )
  const hooks = await page.evaluateHandle(() => (globalThis as BenchWindow).__bench as BenchHooks)
  // An experiment: a stylesheet added after loading (e.g. `will-change: transform` on the area).
  if (values.style !== undefined) await page.addStyleTag({ content: values.style })
  if (values.mode === 'ours') await page.keyboard.press('f')
  await hooks.evaluate((bench) => bench.whenStill(3))
  console.log(`# ${values.mode}, ${values.shots} shots; Chromium ${browser.version()}`)
  if (values.style !== undefined) console.log(`added style: ${values.style}`)
  await profiled(page, hooks, 'overview pan', () => panGesture(page, hooks, STEPS))
  await profiled(page, hooks, 'overview zoom', () => zoomGesture(page, hooks, STEPS))
  await zoomToWork(page, hooks, values.mode as BenchMode)
  await waitForDetails(page)
  await profiled(page, hooks, '1:1 pan', () => panGesture(page, hooks, STEPS))
  await profiled(page, hooks, '1:1 zoom', () => zoomGesture(page, hooks, STEPS, 6))
} finally {
  await browser.close()
  await served.close()
  await rm(outDir, { recursive: true, force: true })
}
