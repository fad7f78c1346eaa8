import { builtInNodes } from '@shotchain/nodes'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { boxesOverlap, canvasDriver } from './canvas-driver.ts'
import { screenshot, useApp } from './harness.ts'

const SLOW = 180_000

/** A new, empty workflow shown at 1:1, with the nodes of `layout` placed by dragging. */
async function emptyCanvasWith(
  page: Page,
  url: string,
  layout: readonly (readonly [string, string, number, number])[],
) {
  const canvas = canvasDriver(page)
  await page.goto(url)
  await canvas.newWorkflow()
  // The starter is drawn first and then cleared: on a busy machine, more than a second.
  await expect.poll(() => canvas.nodes().count(), { timeout: 15_000 }).toBe(0)
  await canvas.place(layout)
  return canvas
}

/** The node types the palette lists, from its items' test ids. */
async function listedTypes(page: Page): Promise<string[]> {
  const ids = await page
    .getByTestId('palette')
    .locator('[data-testid^="palette-item-"]')
    .evaluateAll((items) => items.map((item) => item.getAttribute('data-testid') ?? ''))
  return ids.map((id) => id.replace('palette-item-', ''))
}

/** The built-in types with a port of `type` on `side`: what a wire of that type may reach. */
function builtInWith(side: 'inputs' | 'outputs', type: string): string[] {
  return builtInNodes
    .filter((spec) => Object.values(spec[side]).some((port) => port.type === type))
    .map((spec) => spec.type)
}

describe('canvas idioms in Chromium', () => {
  const app = useApp()

  it(
    'draws wires behind nodes: where a wire crosses a node body, the node is on top',
    async () => {
      const { page, url } = app()
      // prompt-2 sits across the wire from prompt-1 to shot-1.
      const canvas = await emptyCanvasWith(page, url, [
        ['prompt', 'prompt-1', 20, 60],
        ['kling', 'shot-1', 760, 20],
        ['prompt', 'prompt-2', 390, 20],
      ])
      await canvas.connect(['prompt-1', 'text'], ['shot-1', 'prompt'])
      await expect.poll(() => canvas.connections().count()).toBe(1)
      await canvas.clickBackground()
      // Wires take no pointer events, so a hit test would skip them whatever is on top: here
      // they do, and the browser's hit test answers what is painted above what.
      await page.addStyleTag({
        content: '[data-testid="connection"] path { pointer-events: visibleStroke !important; }',
      })
      const hits = await page.evaluate(() => {
        const path = document.querySelector<SVGPathElement>('[data-testid="connection"] path')
        const card = document.querySelector('[data-testid="node"][data-node-id="prompt-2"]')
        const body = card?.querySelector('.sc-node__body')?.getBoundingClientRect()
        const ports = card?.querySelector('.sc-ports')?.getBoundingClientRect()
        if (!path || !body || !ports) throw new Error('no wire or no prompt-2 body')
        const matrix = path.getScreenCTM() ?? undefined
        const total = path.getTotalLength()
        const found: { x: number; y: number; onNode: boolean; onWire: boolean }[] = []
        const inside = (box: DOMRect, x: number, y: number) =>
          x > box.left + 4 && x < box.right - 4 && y > box.top + 4 && y < box.bottom - 4
        for (let step = 0; step <= 100; step++) {
          const { x, y } = path.getPointAtLength((total * step) / 100).matrixTransform(matrix)
          if (!inside(body, x, y) && !inside(ports, x, y)) continue
          const top = document.elementFromPoint(x, y)
          found.push({ x, y, onNode: card?.contains(top) === true, onWire: top === path })
        }
        return found
      })
      expect(hits.length).toBeGreaterThan(5)
      expect(hits.filter((h) => !h.onNode)).toEqual([])
      await screenshot(page, 'editor-wires-behind-nodes')
    },
    SLOW,
  )

  it(
    'shows why a connection is refused on a readable background, beside the socket, off the node labels',
    async () => {
      const { page, url } = app()
      const canvas = await emptyCanvasWith(page, url, [
        ['prompt', 'prompt-1', 20, 60],
        ['kling', 'shot-1', 420, 40],
      ])
      // A text output held over an image input: refused while dragging.
      const from = await canvas.socket('prompt-1', 'output', 'text').boundingBox()
      const to = await canvas.socket('shot-1', 'input', 'end').boundingBox()
      if (from === null || to === null) throw new Error('sockets not on screen')
      await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2)
      await page.mouse.down()
      await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 12 })
      const hint = page.getByText(/takes an image/)
      await expect.poll(() => hint.count()).toBe(1)
      const background = await hint.evaluate((element) => getComputedStyle(element).backgroundColor)
      expect(background).not.toMatch(/^(transparent|rgba\(0, 0, 0, 0\))$/)
      const box = await hint.boundingBox()
      if (box === null) throw new Error('the hint is not on screen')
      const labels = await canvas.node('shot-1').locator('.sc-port__label').all()
      expect(labels.length).toBeGreaterThan(3)
      for (const label of labels) {
        const other = await label.boundingBox()
        if (other === null) continue
        expect(!boxesOverlap(box, other), `the hint covers "${await label.textContent()}"`).toBe(
          true,
        )
      }
      await screenshot(page, 'editor-refusal-hint')
      await page.mouse.up()
      await expect.poll(() => page.getByTestId('drag-connection').count()).toBe(0)
    },
    SLOW,
  )

  it(
    'double-click on empty canvas opens the node search there, and the picked node lands there; on a node it does not',
    async () => {
      const { page, url } = app()
      const canvas = await emptyCanvasWith(page, url, [['prompt', 'prompt-1', 40, 60]])
      const box = await page.getByTestId('canvas').boundingBox()
      if (box === null) throw new Error('no canvas')
      // A new workflow is shown at 1:1 with the origin top-left: canvas point = offset in the box.
      const spot = { x: box.x + 420, y: box.y + 180 }
      await page.mouse.dblclick(spot.x, spot.y)
      const palette = page.getByTestId('palette')
      await expect.poll(() => palette.count()).toBe(1)
      const placed = await palette.boundingBox()
      if (placed === null) throw new Error('the palette is not on screen')
      expect(Math.abs(placed.x - spot.x)).toBeLessThan(2)
      expect(Math.abs(placed.y - spot.y)).toBeLessThan(2)
      await expect
        .poll(() =>
          page.getByTestId('palette-search').evaluate((e) => e === document.activeElement),
        )
        .toBe(true)
      await page.keyboard.type('kling')
      await page.keyboard.press('Enter')
      await expect.poll(() => canvas.node('shot-1').count()).toBe(1)
      expect(await palette.count()).toBe(0)
      expect((await canvas.drawnPositions())['shot-1']).toEqual([420, 180])

      // On a node, a double-click is the node's (a word in its text), not the canvas's.
      await canvas.node('prompt-1').getByTestId('title').dblclick()
      await page.waitForTimeout(200)
      expect(await palette.count()).toBe(0)
      expect(await canvas.nodes().count()).toBe(2)
    },
    SLOW,
  )

  it(
    'a wire dropped on empty canvas opens the search for compatible types; the pick lands there, connected, in one undo step',
    async () => {
      const { page, url } = app()
      const canvas = await emptyCanvasWith(page, url, [['prompt', 'prompt-1', 40, 60]])
      const box = await page.getByTestId('canvas').boundingBox()
      if (box === null) throw new Error('no canvas')
      const dropWire = async (socket: { x: number; y: number }, at: { x: number; y: number }) => {
        await page.mouse.move(socket.x, socket.y)
        await page.mouse.down()
        await page.mouse.move(at.x, at.y, { steps: 12 })
        await page.mouse.up()
      }
      const centre = async (side: 'input' | 'output', node: string, port: string) => {
        const socket = await canvas.socket(node, side, port).boundingBox()
        if (socket === null) throw new Error(`${node}.${port} is not on screen`)
        return { x: socket.x + socket.width / 2, y: socket.y + socket.height / 2 }
      }
      const builtIn = new Set(builtInNodes.map((spec) => spec.type))

      // From the prompt's text output: only types that take a text.
      const drop = { x: box.x + 460, y: box.y + 200 }
      await dropWire(await centre('output', 'prompt-1', 'text'), drop)
      await expect.poll(() => page.getByTestId('palette').count()).toBe(1)
      const takesText = builtInWith('inputs', 'text')
      expect(takesText).toContain('kling-o1-i2v')
      expect((await listedTypes(page)).filter((t) => builtIn.has(t)).sort()).toEqual(
        [...takesText].sort(),
      )
      await page.getByTestId('palette-search').fill('kling')
      await page.keyboard.press('Enter')
      await expect.poll(() => canvas.nodes().count()).toBe(2)
      await expect.poll(() => canvas.connections().count()).toBe(1)
      // Placed so that the socket it was connected by sits where the wire was dropped.
      await expect.poll(() => page.getByTestId('drag-connection').count()).toBe(0)
      const landed = await centre('input', 'shot-1', 'prompt')
      expect(Math.abs(landed.x - drop.x)).toBeLessThan(1.5)
      expect(Math.abs(landed.y - drop.y)).toBeLessThan(1.5)

      // From the shot's start input (an image): only types that make an image.
      const back = { x: box.x + 320, y: box.y + 440 }
      await dropWire(await centre('input', 'shot-1', 'start'), back)
      await expect.poll(() => page.getByTestId('palette').count()).toBe(1)
      const makesImage = builtInWith('outputs', 'image')
      expect((await listedTypes(page)).filter((t) => builtIn.has(t)).sort()).toEqual(
        [...makesImage].sort(),
      )
      await page.getByTestId('palette-item-image-source').click()
      await expect.poll(() => canvas.nodes().count()).toBe(3)
      await expect.poll(() => canvas.connections().count()).toBe(2)
      const image = await canvas
        .nodes()
        .evaluateAll((cards) => cards.map((c) => c.getAttribute('data-node-type')))
      expect(image).toContain('image-source')
      await screenshot(page, 'editor-wire-dropped-on-canvas')

      // Each pick, node and edge, is one undo step.
      await canvas.clickBackground()
      await page.keyboard.press('Control+z')
      await expect.poll(() => canvas.nodes().count()).toBe(2)
      expect(await canvas.connections().count()).toBe(1)
      await page.keyboard.press('Control+z')
      await expect.poll(() => canvas.nodes().count()).toBe(1)
      expect(await canvas.connections().count()).toBe(0)

      // Escape closes the search without adding anything.
      await dropWire(await centre('output', 'prompt-1', 'text'), drop)
      await expect.poll(() => page.getByTestId('palette').count()).toBe(1)
      await page.keyboard.press('Escape')
      await expect.poll(() => page.getByTestId('palette').count()).toBe(0)
      expect(await canvas.nodes().count()).toBe(1)
    },
    SLOW,
  )

  it(
    'zooms with named toolbar buttons (out, the percentage back to 100%, in, fit) about the middle of the view',
    async () => {
      const { page, url } = app()
      const canvas = await emptyCanvasWith(page, url, [['prompt', 'prompt-1', 120, 90]])
      await canvas.clickBackground()
      const toolbar = page.getByRole('toolbar', { name: 'Canvas' })
      const zoomIn = toolbar.getByRole('button', { name: 'Zoom in', exact: true })
      const zoomOut = toolbar.getByRole('button', { name: 'Zoom out', exact: true })
      const percent = toolbar.getByRole('button', { name: /^Zoom \d+%, reset to 100%$/ })
      const fit = toolbar.getByRole('button', { name: 'Zoom to fit', exact: true })
      const box = await page.getByTestId('canvas').boundingBox()
      if (box === null) throw new Error('no canvas')
      const middle = { x: box.x + box.width / 2, y: box.y + box.height / 2 }
      const card = async () => {
        const found = await canvas.node('prompt-1').boundingBox()
        if (found === null) throw new Error('prompt-1 is not on screen')
        return found
      }
      expect(await percent.textContent()).toBe('100%')
      const before = await card()

      await zoomIn.click()
      await expect.poll(() => percent.textContent()).toBe('120%')
      const zoomed = await card()
      expect(zoomed.width).toBeCloseTo(260 * 1.2, 0)
      // The middle of the view stays where it was: everything moves away from it by 1.2.
      expect(zoomed.x - middle.x).toBeCloseTo((before.x - middle.x) * 1.2, 0)
      expect(zoomed.y - middle.y).toBeCloseTo((before.y - middle.y) * 1.2, 0)

      await zoomOut.click()
      await zoomOut.click()
      await expect.poll(() => percent.textContent()).toBe('83%')
      expect((await card()).width).toBeCloseTo(260 / 1.2, 0)

      await percent.click()
      await expect.poll(() => percent.textContent()).toBe('100%')
      expect((await card()).width).toBeCloseTo(260, 0)

      // Fit frames the one node, centred, at no more than 1:1; the percentage follows.
      await zoomIn.click()
      await zoomIn.click()
      await expect.poll(() => percent.textContent()).toBe('144%')
      await fit.click()
      await expect.poll(() => percent.textContent()).toBe('100%')
      const framed = await card()
      expect(framed.width).toBeCloseTo(260, 0)
      expect(framed.x + framed.width / 2).toBeCloseTo(middle.x, 0)
      await screenshot(page, 'editor-zoom-controls')
    },
    SLOW,
  )
})
