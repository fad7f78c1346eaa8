import type { Page } from 'playwright-core'

/** The canvas view on screen: a canvas point `c` is drawn at `(x, y) + k·c` in the window. */
export interface ScreenView {
  readonly x: number
  readonly y: number
  readonly k: number
}

/** A box in window coordinates, CSS px. */
export interface ScreenRect {
  readonly left: number
  readonly top: number
  readonly right: number
  readonly bottom: number
}

/** One notch of a mouse wheel in Chromium (pixel delta). */
const WHEEL_DELTA = 100
/** Frames in a row the view must not change before it counts as still. */
const STILL_FRAMES = 2

/**
 * The view of the editor canvas, read from the transform of Rete's area content (the child of
 * the canvas that holds nodes and connections: `translate(…) scale(…)`, at full precision).
 * @throws Error when the canvas has no such child.
 */
export async function readView(page: Page): Promise<ScreenView> {
  const view = await page.evaluate(() => {
    const canvas = document.querySelector<HTMLElement>('[data-testid="canvas"]')
    const content = [...(canvas?.children ?? [])].find(
      (child) => child instanceof HTMLElement && child.style.transform.includes('scale'),
    )
    if (!canvas || !(content instanceof HTMLElement)) return undefined
    const matrix = new DOMMatrixReadOnly(content.style.transform)
    const box = canvas.getBoundingClientRect()
    const left = box.left + canvas.clientLeft
    return { x: left + matrix.e, y: box.top + canvas.clientTop + matrix.f, k: matrix.a }
  })
  if (view === undefined) throw new Error('the canvas has no transformed content')
  return view
}

/** The part of the window the canvas covers. */
export function canvasRect(page: Page): Promise<ScreenRect> {
  return page.evaluate(() => {
    const box = document.querySelector('[data-testid="canvas"]')?.getBoundingClientRect()
    if (box === undefined) throw new Error('no canvas')
    return {
      left: Math.max(box.left, 0),
      top: Math.max(box.top, 0),
      right: Math.min(box.right, innerWidth),
      bottom: Math.min(box.bottom, innerHeight),
    }
  })
}

const same = (a: ScreenView, b: ScreenView) => a.x === b.x && a.y === b.y && a.k === b.k

/**
 * Resolves once the view has not changed for `STILL_FRAMES` animation frames in a row: a wheel
 * event or drag the runner has sent may not be handled yet when its call returns.
 */
export async function waitForStill(page: Page): Promise<ScreenView> {
  let last = await readView(page)
  for (let still = 0; still < STILL_FRAMES; ) {
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(done)))
    const now = await readView(page)
    still = same(now, last) ? still + 1 : 0
    last = now
  }
  return last
}

/**
 * Turns the mouse wheel over `at` one notch at a time (in when `direction` is `'in'`), waiting
 * for the view to be still after each, until `done` holds for the zoom.
 * @throws Error when `done` does not hold after `maxNotches`.
 */
export async function wheelUntil(
  page: Page,
  at: { readonly x: number; readonly y: number },
  direction: 'in' | 'out',
  done: (k: number) => boolean,
  maxNotches = 12,
): Promise<ScreenView> {
  await page.mouse.move(at.x, at.y)
  let view = await waitForStill(page)
  for (let notch = 0; !done(view.k); notch++) {
    if (notch === maxNotches) throw new Error(`the wheel left the zoom at ${view.k}`)
    await page.mouse.wheel(0, direction === 'in' ? -WHEEL_DELTA : WHEEL_DELTA)
    view = await waitForStill(page)
  }
  return view
}

/**
 * Presses on empty canvas (no node in `nodes`, the drawn nodes' boxes, within 8 px; no
 * connection; not under a toolbar) and drags by (`dx`, `dy`), as a person pans.
 * @throws Error when no such point leaves room for the drag inside the canvas.
 */
export async function dragCanvas(
  page: Page,
  dx: number,
  dy: number,
  nodes: readonly ScreenRect[],
): Promise<void> {
  const start = await page.evaluate(
    ({ dx, dy, nodes }) => {
      const canvas = document.querySelector<HTMLElement>('[data-testid="canvas"]')
      if (!canvas) return undefined
      const box = canvas.getBoundingClientRect()
      const room = (x: number, y: number) =>
        x > box.left + 20 && x < box.right - 20 && y > box.top + 20 && y < box.bottom - 20
      const clear = (x: number, y: number) =>
        nodes.every((n) => x < n.left - 8 || x > n.right + 8 || y < n.top - 8 || y > n.bottom + 8)
      for (let y = box.top + 24; y < box.bottom; y += 16) {
        for (let x = box.left + 24; x < box.right; x += 16) {
          if (!room(x, y) || !room(x + dx, y + dy) || !clear(x, y)) continue
          const hit = document.elementFromPoint(x, y)
          const onCanvas = hit !== null && canvas.contains(hit)
          if (onCanvas && !hit.closest('[data-testid="node"], [data-testid="connection"]'))
            return { x, y }
        }
      }
      return undefined
    },
    { dx, dy, nodes },
  )
  if (start === undefined) throw new Error(`no empty canvas to drag ${dx}, ${dy} px from`)
  await page.mouse.move(start.x, start.y)
  await page.mouse.down()
  await page.mouse.move(start.x + dx, start.y + dy, { steps: 20 })
  await page.mouse.up()
}
