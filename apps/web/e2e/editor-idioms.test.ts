import { shortcutSheet } from '@shotchain/editor'
import { describe, expect, it } from 'vitest'
import { openStarter, useApp } from './harness.ts'

const SLOW = 120_000

describe('canvas idioms of issue 15 in Chromium', () => {
  const app = useApp()

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
