import { MAP_ZOOM } from '@shotchain/editor'
import { benchWorkflow } from '@shotchain/nodes/testing'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { screenshot, useApp } from './harness.ts'
import { colourDistance, cssColour, mapPixel } from './map-pixels.ts'
import { measureSizes, nodeRects } from './node-rects.ts'
import { openDocument } from './open-document.ts'
import { canvasRect, type ScreenRect, waitForStill, wheelUntil } from './view-moves.ts'
import { measureWireEnds, wireMiddle, within } from './wire-ends.ts'

const SLOW = 300_000
/** Colours the map paints are the stylesheet's, to within anti-aliasing and rounding. */
const SAME_COLOUR = 12

const inside = (r: ScreenRect, box: ScreenRect) =>
  r.left >= box.left && r.right <= box.right && r.top >= box.top && r.bottom <= box.bottom
const meets = (a: ScreenRect, b: ScreenRect) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom

/** Where the node's element (Rete's node view) is placed: its document position. */
function placed(page: Page, id: string): Promise<[number, number]> {
  return page.evaluate((id) => {
    const host = document.querySelector<HTMLElement>(`[data-node-id="${id}"]:not([data-testid])`)
    const matrix = new DOMMatrixReadOnly(host?.style.transform)
    return [matrix.e, matrix.f] as [number, number]
  }, id)
}

describe('the map of a workflow of 1,002 nodes in Chromium', () => {
  const app = useApp()

  it(
    'below the map zoom paints every node on screen where it is, and a press selects and drags one',
    async () => {
      const { browser, url } = app()
      const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } })
      const doc = benchWorkflow(334)
      await openDocument(page, url, doc)
      await expect.poll(async () => Object.keys(await measureSizes(page, doc)).length).toBe(3)
      const sizes = await measureSizes(page, doc)
      const ends = await measureWireEnds(page, doc, await waitForStill(page))
      const canvas = await canvasRect(page)
      const middle = { x: (canvas.left + canvas.right) / 2, y: (canvas.top + canvas.bottom) / 2 }

      await page.getByRole('button', { name: 'Zoom to fit', exact: true }).click()
      const fitted = await waitForStill(page)
      expect(fitted.k).toBeLessThan(MAP_ZOOM)
      const map = page.getByTestId('canvas-map')
      const onScreen = [...nodeRects(doc, fitted, sizes).values()].filter((r) => meets(r, canvas))
      await expect.poll(() => map.getAttribute('data-nodes')).toBe(String(onScreen.length))
      expect(await page.locator('[data-testid="node"]:visible').count()).toBe(0)

      const view = await wheelUntil(page, middle, 'in', (k) => k >= 0.12, 20)
      expect(view.k).toBeLessThan(MAP_ZOOM)
      const rects = nodeRects(doc, view, sizes)
      const whole = [...rects].filter(
        ([id, r]) =>
          inside(r, canvas) && [...rects].every(([other, o]) => other === id || !meets(r, o)),
      )
      expect(whole.length).toBeGreaterThan(20)
      const header = await cssColour(page, '--sc-card-header')
      const card = await cssColour(page, '--sc-card')
      const headerY = (r: ScreenRect) => r.top + view.k * 17
      for (const [id, r] of whole) {
        const x = (r.left + r.right) / 2
        const top = await mapPixel(page, x, headerY(r))
        const body = await mapPixel(page, x, (r.top + r.bottom) / 2 + view.k * 17)
        expect(colourDistance(top, header), `${id}'s header`).toBeLessThanOrEqual(SAME_COLOUR)
        expect(colourDistance(body, card), `${id}'s body`).toBeLessThanOrEqual(SAME_COLOUR)
      }

      // Each wire between two whole nodes, halfway along its curve where no node covers it: its
      // colour (the curve and its ends as the DOM drew them at the opening zoom).
      const colours = {
        image: await cssColour(page, '--sc-type-image'),
        text: await cssColour(page, '--sc-type-text'),
      }
      const wholeIds = new Set(whole.map(([id]) => id))
      let wiresChecked = 0
      for (const edge of doc.edges) {
        if (!wholeIds.has(edge.from.node) || !wholeIds.has(edge.to.node)) continue
        const middle = wireMiddle(doc, edge, ends, view)
        if (!middle || [...rects.values()].some((r) => within(middle, r, 3))) continue
        const colour = edge.from.port === 'text' ? colours.text : colours.image
        const pixel = await mapPixel(page, middle.x, middle.y, 1)
        expect(pixel[3], `wire ${edge.id}`).toBeGreaterThanOrEqual(100)
        expect(colourDistance(pixel, colour), `wire ${edge.id}'s colour`).toBeLessThanOrEqual(48)
        wiresChecked++
      }
      expect(wiresChecked).toBeGreaterThanOrEqual(5)

      // A click on a painted node selects it; a drag moves it, one undo step.
      const [id, r] = whole[Math.floor(whole.length / 2)] ?? []
      if (id === undefined || r === undefined) throw new Error('no whole node')
      const at = { x: (r.left + r.right) / 2, y: (r.top + r.bottom) / 2 }
      await page.mouse.click(at.x, at.y)
      const cardOf = page.locator(`[data-testid="node"][data-node-id="${id}"]`)
      await expect.poll(() => cardOf.getAttribute('class')).toContain('is-selected')
      const before = await placed(page, id)
      await page.mouse.move(at.x, at.y)
      await page.mouse.down()
      await page.mouse.move(at.x + 60, at.y + 40, { steps: 10 })
      await page.mouse.up()
      const after = await placed(page, id)
      expect(Math.abs(after[0] - before[0] - 60 / view.k)).toBeLessThanOrEqual(0.5)
      expect(Math.abs(after[1] - before[1] - 40 / view.k)).toBeLessThanOrEqual(0.5)
      expect((await waitForStill(page)).k).toBe(view.k)
      const moved = await mapPixel(page, at.x + 60, headerY(r) + 40)
      expect(colourDistance(moved, header), 'the header where it was dragged').toBeLessThanOrEqual(
        SAME_COLOUR,
      )
      await screenshot(page, 'editor-map')
      await page.keyboard.press('Control+z')
      await expect.poll(() => placed(page, id)).toEqual(before)

      // Shift adds a painted node to the selection; a right click on one opens the node's menu.
      const [other, o] = whole.find(([n]) => n !== id) ?? []
      if (other === undefined || o === undefined) throw new Error('no second whole node')
      await page.keyboard.down('Shift')
      await page.mouse.click((o.left + o.right) / 2, (o.top + o.bottom) / 2)
      await page.keyboard.up('Shift')
      const otherCard = page.locator(`[data-testid="node"][data-node-id="${other}"]`)
      await expect.poll(() => otherCard.getAttribute('class')).toContain('is-selected')
      expect(await cardOf.getAttribute('class')).toContain('is-selected')
      await page.mouse.click((o.left + o.right) / 2, (o.top + o.bottom) / 2, { button: 'right' })
      const menu = page.getByTestId('context-menu')
      await expect.poll(() => menu.getByRole('menuitem', { name: /Duplicate/ }).count()).toBe(1)
      await page.keyboard.press('Escape')

      // Zoomed in over it, the node is a card again, where the document has it.
      const near = await wheelUntil(page, at, 'in', (k) => k >= 0.5, 30)
      await expect.poll(() => cardOf.isVisible(), { timeout: 30_000 }).toBe(true)
      const box = await cardOf.boundingBox()
      expect(Math.abs((box?.x ?? 0) - (near.x + near.k * before[0]))).toBeLessThanOrEqual(1)
      expect(Math.abs((box?.y ?? 0) - (near.y + near.k * before[1]))).toBeLessThanOrEqual(1)

      // A press on the minimap (an image of the 1,002 nodes) centres the view there.
      const minimap = await page.getByTestId('minimap').boundingBox()
      if (minimap === null) throw new Error('no minimap')
      await page.mouse.click(minimap.x + minimap.width / 2, minimap.y + minimap.height - 4)
      const there = await waitForStill(page)
      expect(there.y).toBeLessThan(near.y - 1000)
      await page.close()
    },
    SLOW,
  )
})
