import { setTimeout as sleep } from 'node:timers/promises'
import type { JSHandle, Page } from 'playwright-core'
import type { BenchHooks, NodeBox } from './bench-hooks.ts'

/** The browser window the benchmark uses, CSS px. */
export const VIEWPORT = { width: 1280, height: 800 } as const

/** Input events come this often, like a 60 Hz pointing device. */
const STEP_MS = 1000 / 60
/** One notch of a mouse wheel in Chromium (pixel delta). */
export const WHEEL_DELTA = 100
/** How much one notch zooms in Rete's area. */
const NOTCH_ZOOM = 1.1
/** How far each pan step moves the pointer, px. */
const PAN_STEP_PX = 15

/** The `requestAnimationFrame` intervals recorded during a gesture, ms. */
export type FrameIntervals = number[]

/**
 * Starts `step(i)` every `STEP_MS` without waiting for the page to handle the one before, as a
 * 60 Hz pointing device does (awaiting each would send a wheel notch only every other frame).
 * Resolves once every event has been delivered.
 */
async function atDeviceRate(steps: number, step: (i: number) => Promise<void>): Promise<void> {
  const started = performance.now()
  const sent: Promise<void>[] = []
  for (let i = 0; i < steps; i++) {
    sent.push(step(i))
    await sleep(Math.max(0, started + (i + 1) * STEP_MS - performance.now()))
  }
  await Promise.all(sent)
}

/** Records frame intervals while `gesture` runs; `gesture` gets a probe of the first node. */
async function recordDuring(
  hooks: JSHandle<BenchHooks>,
  gesture: (probe: () => Promise<NodeBox>) => Promise<void>,
): Promise<FrameIntervals> {
  const probe = async () => {
    const box = await hooks.evaluate((bench) => bench.firstNodeBox())
    if (box === undefined) throw new Error('no node is drawn')
    return box
  }
  await hooks.evaluate((bench) => bench.startFrames())
  await gesture(probe)
  return hooks.evaluate((bench) => bench.stopFrames())
}

/**
 * Zooms as a user with a mouse wheel does, over the centre of the canvas: `steps` notches in
 * swings of `swing` notches in then `swing` out (by default one swing: half in, half out).
 * Throws when the first swing did not zoom the drawing in 1.5× (a short swing: by a quarter of
 * its notches; notches the page coalesces under load zoom as one, and at 1,002 nodes some are
 * not handled yet when the probe reads).
 */
export async function zoomGesture(
  page: Page,
  hooks: JSHandle<BenchHooks>,
  steps: number,
  swing = Math.floor(steps / 2),
): Promise<FrameIntervals> {
  const notch = (i: number) =>
    page.mouse.wheel(0, Math.floor(i / swing) % 2 === 0 ? -WHEEL_DELTA : WHEEL_DELTA)
  await page.mouse.move(VIEWPORT.width / 2, VIEWPORT.height / 2)
  return recordDuring(hooks, async (probe) => {
    const before = await probe()
    await atDeviceRate(swing, notch)
    const zoomed = await probe()
    if (!(zoomed.width > before.width * Math.min(1.5, NOTCH_ZOOM ** (swing / 4))))
      throw new Error(`the wheel did not zoom in (node ${before.width} → ${zoomed.width} px wide)`)
    await atDeviceRate(steps - swing, (i) => notch(swing + i))
  })
}

/**
 * Pans as a user does: presses on empty canvas and drags `steps` steps, the first half left, the
 * second half back. Throws when there is no empty canvas to press on, or when the drawing did not
 * follow the drag.
 */
export async function panGesture(
  page: Page,
  hooks: JSHandle<BenchHooks>,
  steps: number,
): Promise<FrameIntervals> {
  const half = Math.floor(steps / 2)
  const reach = half * PAN_STEP_PX
  const start = await hooks.evaluate((bench, minX) => bench.emptyPoint(minX), reach + PAN_STEP_PX)
  if (start === undefined) throw new Error('no empty canvas to start a pan drag on')
  await page.mouse.move(start.x, start.y)
  return recordDuring(hooks, async (probe) => {
    const before = await probe()
    await page.mouse.down()
    await atDeviceRate(half, (i) => page.mouse.move(start.x - (i + 1) * PAN_STEP_PX, start.y))
    const panned = await probe()
    if (!(before.x - panned.x > reach / 2))
      throw new Error(`the drag did not pan (node x ${before.x} → ${panned.x})`)
    await atDeviceRate(steps - half, (i) =>
      page.mouse.move(start.x - reach + (i + 1) * PAN_STEP_PX, start.y),
    )
    await page.mouse.up()
  })
}
