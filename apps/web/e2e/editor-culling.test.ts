import { describe, expect, it } from 'vitest'
import { type AppHarness, openStarter, useApp } from './harness.ts'

const SLOW = 120_000

describe('cards far from the view in Chromium', () => {
  const app = useApp()

  it(
    'keeps the card being typed in while the view zooms away from it, so keys stay in its field',
    async () => {
      const { page, canvas } = await openStarter(app() as AppHarness)
      const field = canvas.node('prompt1').getByTestId('prompt-text')
      await field.click()
      await page.keyboard.press('End')
      await page.keyboard.type('!')
      const typed = await field.inputValue()
      // Zoom in far over the other end of the chain: prompt1 leaves the view and its margin.
      const box = await page.getByTestId('canvas').boundingBox()
      if (box === null) throw new Error('no canvas')
      await page.mouse.move(box.x + box.width - 40, box.y + box.height / 2)
      for (let notch = 0; notch < 12; notch++) await page.mouse.wheel(0, -100)
      // A far card that is not focused is hidden: the view did leave prompt1 behind.
      await expect.poll(() => canvas.node('image').isVisible()).toBe(false)
      expect(await field.isVisible()).toBe(true)
      expect(await field.evaluate((el) => el === document.activeElement)).toBe(true)
      await page.keyboard.press('Backspace')
      expect(await field.inputValue()).toBe(typed.slice(0, -1))
      expect(await canvas.nodes().count()).toBe(9)
      await page.close()
    },
    SLOW,
  )
})
