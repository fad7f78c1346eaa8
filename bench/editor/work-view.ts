import { setTimeout as sleep } from 'node:timers/promises'
import type { JSHandle, Page } from 'playwright-core'
import type { BenchHooks, BenchMode, BenchWindow, ViewportPoint } from './bench-hooks.ts'
import { VIEWPORT, WHEEL_DELTA } from './gestures.ts'

/** The first shots the working view is centred on: two shots of three nodes. */
const FIRST_SHOTS_NODES = 6
/**
 * Rete's wheel zoom scales by 1 − deltaY / 80, at most ±0.1 per event: a 100 px notch is ×1.1
 * in or ×0.9 out, and a smaller (trackpad) delta zooms by less.
 */
const WHEEL_PX_PER_UNIT_ZOOM = 80
const MAX_ZOOM_STEP = 0.1
/** React Flow's wheel zoom (d3-zoom's, as `@xyflow/system` sets it): ×2^(0.002 per px). */
const FLOW_WHEEL_PER_PX = 0.002
/** The zoom point is aimed again after each notch while more than this much zoom is left. */
const REAIM_ABOVE = 2
/** How far from the middle of the viewport the first shots may end, px. */
const CENTRED_PX = 20
/** At most this many notches out before the zoom point is on the canvas. */
const MAX_NOTCHES_OUT = 10
/** Frames in a row the view must not change before it is read. */
const STILL_FRAMES = 3
/** How long the working view waits for details to be drawn, ms. */
const DETAIL_TIMEOUT_MS = 10_000
/** The rest after the details are drawn, before measuring: images decode, effects run. */
const IDLE_MS = 500

/**
 * The view and the first shots' centre, as drawn, once the view has stood still for
 * `STILL_FRAMES` frames: a wheel event the runner has sent may not be handled yet (at 1,002
 * nodes a frame takes 40–70 ms, and the runner's `wheel` returns before the page zooms), and a
 * view read before it puts the zoom point, and so the first shots, tens of px off. (The
 * callbacks run in the page, so the counts go in as arguments.)
 */
async function look(hooks: JSHandle<BenchHooks>) {
  await hooks.evaluate((bench, frames) => bench.whenStill(frames), STILL_FRAMES)
  const seen = await hooks.evaluate(
    (bench, count) => ({ view: bench.view(), shots: bench.firstNodesCentre(count) }),
    FIRST_SHOTS_NODES,
  )
  const { view, shots } = seen
  if (view === undefined || shots === undefined) throw new Error('no node is drawn')
  return { view, shots }
}

/**
 * The point a wheel zoom to scale 1 must be over to end with the first shots at `middle`. A zoom
 * by r about p maps the view's offset t to p + r·(t − p); at scale 1 the shots' canvas centre
 * c = (shots − t) / k sits at the middle when t' = middle − c, so p = (r·t − t') / (r − 1).
 * Wheel events land on whole pixels: p is rounded, and the rounding (≤ 0.5 px) is magnified
 * r − 1 times; `zoomToWork` aims again until less than ×2 is left, so by at most 1, and
 * "centred" allows `CENTRED_PX`.
 */
async function zoomPoint(hooks: JSHandle<BenchHooks>, middle: ViewportPoint) {
  const { view, shots } = await look(hooks)
  const r = 1 / view.k
  const pivot = (t: number, m: number, s: number) => (r * t - (m - (s - t) / view.k)) / (r - 1)
  return {
    x: Math.round(pivot(view.x, middle.x, shots.x)),
    y: Math.round(pivot(view.y, middle.y, shots.y)),
  }
}

function isOnCanvas(hooks: JSHandle<BenchHooks>, point: ViewportPoint): Promise<boolean> {
  return hooks.evaluate((bench, at) => bench.isOnCanvas(at), point)
}

/**
 * The wheel delta that zooms from scale `k` to 1: Rete's area scales by 1 − deltaY / 80, React
 * Flow's (d3-zoom) by 2^(−deltaY · 0.002).
 */
function lastStep(k: number, mode: BenchMode): number {
  return mode === 'flow'
    ? -Math.log2(1 / k) / FLOW_WHEEL_PER_PX
    : -(1 / k - 1) * WHEEL_PX_PER_UNIT_ZOOM
}

/**
 * Zooms to 1:1 (scale 1) centred on the first shots, as a user with a wheel does: whole
 * notches, then one small step that lands on 1, all over the one point that ends with the first
 * shots in the middle of the viewport. Throws when that point is not on the canvas or the view
 * did not end at scale 1, centred.
 */
export async function zoomToWork(
  page: Page,
  hooks: JSHandle<BenchHooks>,
  mode: BenchMode,
): Promise<void> {
  const middle = { x: VIEWPORT.width / 2, y: VIEWPORT.height / 2 }
  let at = await zoomPoint(hooks, middle)
  // The point lies beyond the first shots, seen from the middle: near an edge it can fall off
  // the canvas or on a toolbar. Each notch out over the middle draws the shots in towards it.
  for (let tries = 0; !(await isOnCanvas(hooks, at)); tries++) {
    if (tries === MAX_NOTCHES_OUT)
      throw new Error(`the zoom point (${at.x}, ${at.y}) is not on the canvas`)
    await page.mouse.move(middle.x, middle.y)
    await page.mouse.wheel(0, WHEEL_DELTA)
    at = await zoomPoint(hooks, middle)
  }
  await page.mouse.move(at.x, at.y)
  let k = (await look(hooks)).view.k
  while (Math.abs(1 / k - 1) > MAX_ZOOM_STEP) {
    await page.mouse.wheel(0, k < 1 ? -WHEEL_DELTA : WHEEL_DELTA)
    k = (await look(hooks)).view.k
    // Aim again while much zoom is left: the point's rounding is magnified by what is left
    // (from scale 0.032, stock's fit of 1,002 nodes, up to 15 px an axis), this keeps it < 1 px.
    if (1 / k > REAIM_ABOVE) {
      at = await zoomPoint(hooks, middle)
      await page.mouse.move(at.x, at.y)
    }
  }
  await page.mouse.wheel(0, lastStep(k, mode))
  const { view: to, shots: centred } = await look(hooks)
  const off = Math.hypot(centred.x - middle.x, centred.y - middle.y)
  if (Math.abs(to.k - 1) > 1e-3 || off > CENTRED_PX)
    throw new Error(
      `the view ended at scale ${to.k}, the first shots ${off.toFixed(1)} px off centre`,
    )
}

/** Waits until every node on screen has its details (sockets, bodies), then rests `IDLE_MS`. */
export async function waitForDetails(page: Page): Promise<void> {
  await page.waitForFunction(
    () => (globalThis as BenchWindow).__bench?.nodesAwaitingDetail() === 0,
    undefined,
    { polling: 100, timeout: DETAIL_TIMEOUT_MS },
  )
  await sleep(IDLE_MS)
}
