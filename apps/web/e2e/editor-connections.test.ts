import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { canvasDriver } from './canvas-driver.ts'
import { useApp } from './harness.ts'

const SLOW = 180_000

interface Point {
  readonly x: number
  readonly y: number
}

/** Screen points of the ends of the paths matching `selector`, through each path's transform. */
function pathEnds(page: Page, selector: string): Promise<{ start: Point; end: Point }[]> {
  return page.evaluate((css) => {
    return [...document.querySelectorAll<SVGPathElement>(css)].map((path) => {
      const matrix = path.getScreenCTM() ?? undefined
      const at = (length: number) => {
        const { x, y } = path.getPointAtLength(length).matrixTransform(matrix)
        return { x, y }
      }
      return { start: at(0), end: at(path.getTotalLength()) }
    })
  }, selector)
}

/** The screen centre of every socket, by side. */
function socketCentres(page: Page): Promise<{ side: string; x: number; y: number }[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-socket-side]')].map((socket) => {
      const box = socket.getBoundingClientRect()
      const side = socket.dataset.socketSide ?? ''
      return { side, x: box.left + box.width / 2, y: box.top + box.height / 2 }
    }),
  )
}

/** How far `point` is from the nearest of `sockets`. */
function distanceToSocket(point: Point, sockets: readonly Point[]): number {
  return Math.min(...sockets.map((s) => Math.hypot(s.x - point.x, s.y - point.y)))
}

describe('sockets and connections in Chromium', () => {
  const app = useApp()

  it(
    'at zoom 1, every connection starts and ends on the centre of its sockets, and a drag from a sequence starts at its free row',
    async () => {
      const { page, url } = app()
      const canvas = canvasDriver(page)
      await page.goto(url)
      // A new workflow is shown at 1:1.
      await canvas.newWorkflow()
      await expect.poll(() => canvas.nodes().count()).toBe(0)
      const layout: [string, string, number, number][] = [
        ['image', 'image-1', 30, 40],
        ['prompt', 'prompt-1', 30, 330],
        ['kling', 'shot-1', 380, 60],
        ['sequence', 'sequence-1', 760, 100],
      ]
      await canvas.place(layout)
      expect((await canvas.node('shot-1').boundingBox())?.width).toBe(260)
      await canvas.connect(['image-1', 'image'], ['shot-1', 'start'])
      await canvas.connect(['prompt-1', 'text'], ['shot-1', 'prompt'])
      await canvas.connect(['shot-1', 'video'], ['sequence-1', 'clips'])
      await expect.poll(() => canvas.connections().count()).toBe(3)
      await canvas.clickBackground()

      const sockets = await socketCentres(page)
      const outputs = sockets.filter((s) => s.side === 'output')
      const inputs = sockets.filter((s) => s.side === 'input')
      for (const { start, end } of await pathEnds(page, '[data-testid="connection"] path')) {
        expect(distanceToSocket(start, outputs)).toBeLessThan(0.5)
        expect(distanceToSocket(end, inputs)).toBeLessThan(0.5)
      }

      // The sequence's free row ("+ next clip"): the line being dragged starts on its socket.
      const rows = canvas.node('sequence-1').getByTestId('input-clips')
      await expect.poll(() => rows.count()).toBe(2)
      const free = await rows.last().locator('[data-socket-side]').boundingBox()
      if (free === null) throw new Error('no free row socket')
      const centre = { x: free.x + free.width / 2, y: free.y + free.height / 2 }
      await page.mouse.move(centre.x, centre.y)
      await page.mouse.down()
      await page.mouse.move(centre.x - 150, centre.y + 120, { steps: 6 })
      const [preview] = await pathEnds(page, '[data-testid="drag-connection"] path')
      if (preview === undefined) throw new Error('no line while dragging')
      expect(Math.hypot(preview.start.x - centre.x, preview.start.y - centre.y)).toBeLessThan(0.5)
      await page.mouse.up()
      await expect.poll(() => page.getByTestId('drag-connection').count()).toBe(0)
      expect(await canvas.connections().count()).toBe(3)
    },
    SLOW,
  )

  it(
    'a cancelled pointer while an edge is picked up leaves the edge where it was',
    async () => {
      const page = await app().browser.newPage({ viewport: { width: 1400, height: 900 } })
      const canvas = canvasDriver(page)
      await page.goto(`${app().url}/#three-shot-chain`)
      await expect.poll(() => canvas.nodes().count(), { timeout: 15_000 }).toBe(9)
      await expect.poll(() => canvas.connections().count()).toBe(10)
      const socket = await canvas.socket('shot2', 'input', 'start').boundingBox()
      if (socket === null) throw new Error('no socket')
      // Pressing on a connected input picks its edge up; the system then takes the pointer.
      await page.mouse.move(socket.x + socket.width / 2, socket.y + socket.height / 2)
      await page.mouse.down()
      await page.mouse.move(socket.x - 120, socket.y + 80, { steps: 4 })
      expect(await page.getByTestId('drag-connection').count()).toBe(1)
      await page.evaluate(() => window.dispatchEvent(new PointerEvent('pointercancel')))
      await expect.poll(() => page.getByTestId('drag-connection').count()).toBe(0)
      await page.mouse.up()
      await page.waitForTimeout(200)
      expect(await canvas.connections().count()).toBe(10)
      await page.close()
    },
    SLOW,
  )
})
