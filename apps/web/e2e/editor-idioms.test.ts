import { shortcutSheet } from '@shotchain/editor'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { openStarter, useApp } from './harness.ts'

const SLOW = 120_000

/** The ids of the selected nodes, from their cards. */
const selectedIds = (page: Page) =>
  page
    .locator('[data-testid="node"].is-selected')
    .evaluateAll((cards) => cards.map((c) => (c as HTMLElement).dataset.nodeId).sort())

/** A screen box of an element, failing when it is not on screen. */
async function boxOf(page: Page, selector: string) {
  const box = await page.locator(selector).boundingBox()
  if (box === null) throw new Error(`not on screen: ${selector}`)
  return box
}

describe('canvas idioms of issue 15 in Chromium', () => {
  const app = useApp()

  it(
    'Shift+drag or Ctrl+drag on empty canvas draws a marquee that selects what it touches; Shift adds; a plain drag pans',
    async () => {
      const { page } = await openStarter(app())
      const card = (id: string) => boxOf(page, `[data-testid="node"][data-node-id="${id}"]`)
      const shot1 = await card('shot1')
      const shot2 = await card('shot2')
      // From empty canvas above shot1 to inside shot2's top-left corner.
      const from = { x: shot1.x + 10, y: shot1.y - 20 }
      const to = { x: shot2.x + 10, y: shot2.y + 10 }
      expect(
        await page.evaluate(
          ({ x, y }) => document.elementFromPoint(x, y)?.closest('[data-node-id]') === null,
          from,
        ),
      ).toBe(true)
      await page.keyboard.down('Shift')
      await page.mouse.move(from.x, from.y)
      await page.mouse.down()
      await page.mouse.move(to.x, to.y, { steps: 8 })
      const drawn = await boxOf(page, '[data-testid="marquee"]')
      expect(drawn.x).toBeCloseTo(from.x, 0)
      expect(drawn.y).toBeCloseTo(from.y, 0)
      expect(drawn.x + drawn.width).toBeCloseTo(to.x, 0)
      expect(drawn.y + drawn.height).toBeCloseTo(to.y, 0)
      await page.mouse.up()
      await page.keyboard.up('Shift')
      expect(await page.getByTestId('marquee').count()).toBe(0)
      await expect.poll(() => selectedIds(page)).toEqual(['shot1', 'shot2'])

      // Ctrl+drag over the image node alone: the selection is that node.
      const image = await card('image')
      await page.keyboard.down('Control')
      await page.mouse.move(image.x - 15, image.y - 15)
      await page.mouse.down()
      await page.mouse.move(image.x + 20, image.y + 20, { steps: 5 })
      await page.mouse.up()
      await page.keyboard.up('Control')
      await expect.poll(() => selectedIds(page)).toEqual(['image'])

      // Shift+drag over shot3: added to the selection.
      const shot3 = await card('shot3')
      await page.keyboard.down('Shift')
      await page.mouse.move(shot3.x + 20, shot3.y - 15)
      await page.mouse.down()
      await page.mouse.move(shot3.x + 40, shot3.y + 20, { steps: 5 })
      await page.mouse.up()
      await page.keyboard.up('Shift')
      await expect.poll(() => selectedIds(page)).toEqual(['image', 'shot3'])

      // A plain drag on empty canvas pans, as before.
      await page.mouse.move(from.x, from.y)
      await page.mouse.down()
      await page.mouse.move(from.x + 100, from.y + 60, { steps: 5 })
      await page.mouse.up()
      const moved = await card('shot1')
      expect(moved.x - shot1.x).toBeCloseTo(100, 0)
      expect(moved.y - shot1.y).toBeCloseTo(60, 0)
      await page.close()
    },
    SLOW,
  )

  it(
    '? and the toolbar’s Shortcuts open a sheet of every key; Escape closes it and focus comes back',
    async () => {
      const { page, canvas } = await openStarter(app())
      const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
      await page.keyboard.press('?')
      await expect.poll(() => sheet.isVisible()).toBe(true)
      const text = (await sheet.textContent()) ?? ''
      for (const row of shortcutSheet(false)) {
        expect(text).toContain(row.label)
        for (const keys of row.keys) expect(text).toContain(keys)
      }
      // Focus is in the sheet and stays there; the canvas's keys do not reach the nodes.
      const inSheet = () => sheet.evaluate((d) => d.contains(document.activeElement))
      expect(await inSheet()).toBe(true)
      for (let k = 0; k < 3; k++) {
        await page.keyboard.press('Tab')
        expect(await inSheet()).toBe(true)
      }
      await page.keyboard.press('Shift+Tab')
      expect(await inSheet()).toBe(true)
      await page.keyboard.press('Escape')
      await expect.poll(() => sheet.count()).toBe(0)

      // From the toolbar, with a node selected: Delete in the sheet deletes nothing.
      const button = page.getByRole('button', { name: 'Shortcuts' })
      await canvas.select('shot1')
      await button.click()
      await expect.poll(() => sheet.isVisible()).toBe(true)
      await page.keyboard.press('Delete')
      expect(await canvas.node('shot1').count()).toBe(1)
      await page.keyboard.press('Escape')
      await expect.poll(() => sheet.count()).toBe(0)
      expect(await button.evaluate((b) => b === document.activeElement)).toBe(true)
      await page.close()
    },
    SLOW,
  )
})
