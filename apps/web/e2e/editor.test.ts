import { describe, expect, it } from 'vitest'
import { canvasDriver } from './canvas-driver.ts'
import { screenshot, useApp } from './harness.ts'

const SLOW = 180_000
const PROMPT_1 = '@Image1: the camera glides low over the harbour'
const PROMPT_2 = '@Image1: the lighthouse beam sweeps as clouds gather'

describe('the graph editor in Chromium', () => {
  const app = useApp()

  it(
    'builds a two-shot chain from an empty canvas with mouse and keyboard, undoes it to empty, redoes it, refuses a mismatched edge, and finds it saved after a reload',
    async () => {
      const { page, url } = app()
      const canvas = canvasDriver(page)
      await page.goto(url)
      await canvas.newWorkflow()
      await expect.poll(() => canvas.nodes().count()).toBe(0)

      // Five nodes from the palette, each dragged to its place by its title.
      const layout: [string, string, number, number][] = [
        ['image', 'image-1', 40, 40],
        ['prompt', 'prompt-1', 40, 330],
        ['kling', 'shot-1', 340, 40],
        ['prompt', 'prompt-2', 640, 400],
        ['kling', 'shot-2', 940, 40],
      ]
      await canvas.place(layout)
      await canvas.connect(['image-1', 'image'], ['shot-1', 'start'])
      await canvas.connect(['prompt-1', 'text'], ['shot-1', 'prompt'])
      await canvas.connect(['shot-1', 'lastFrame'], ['shot-2', 'start'])
      await canvas.connect(['prompt-2', 'text'], ['shot-2', 'prompt'])
      await expect.poll(() => canvas.connections().count()).toBe(4)

      await canvas.node('prompt-1').getByTestId('prompt-text').click()
      await page.keyboard.type(PROMPT_1)
      await canvas.node('prompt-2').getByTestId('prompt-text').click()
      await page.keyboard.type(PROMPT_2)
      await canvas.node('shot-2').getByTestId('kling-duration').selectOption('8')
      await expect
        .poll(() => canvas.node('shot-2').getByTestId('kling-cost').textContent())
        .toBe('$0.67')
      await canvas.clickBackground()

      // A text output dropped on an image input: refused while dragging, nothing changes.
      await canvas.connect(['prompt-2', 'text'], ['shot-2', 'end'])
      await expect
        .poll(() => page.getByTestId('canvas-notice').textContent())
        .toContain('takes an image')
      expect(await canvas.connections().count()).toBe(4)
      await screenshot(page, 'editor-two-shot-chain')

      // Undo one step at a time back to the empty canvas, then redo all of it.
      const counts: number[] = []
      for (let step = 0; step < 40 && (await canvas.nodes().count()) > 0; step++) {
        await page.keyboard.press('Control+z')
        await page.waitForTimeout(50)
        counts.push(await canvas.nodes().count())
      }
      expect(counts.at(-1)).toBe(0)
      expect(counts).toEqual([...counts].sort((a, b) => b - a))
      for (let step = 0; step < counts.length; step++) await page.keyboard.press('Control+Shift+z')
      await expect.poll(() => canvas.nodes().count()).toBe(5)
      await expect.poll(() => canvas.connections().count()).toBe(4)
      expect(await canvas.node('prompt-2').getByTestId('prompt-text').inputValue()).toBe(PROMPT_2)
      expect(await canvas.node('shot-2').getByTestId('kling-duration').inputValue()).toBe('8')

      await page.keyboard.press('Control+s')
      await expect.poll(() => page.getByTestId('save-state').textContent()).toBe('Saved')
      await page.reload()
      await expect.poll(() => canvas.nodes().count(), { timeout: 15_000 }).toBe(5)
      await expect.poll(() => canvas.connections().count()).toBe(4)
      expect(await canvas.node('prompt-1').getByTestId('prompt-text').inputValue()).toBe(PROMPT_1)
      await screenshot(page, 'editor-after-reload')
    },
    SLOW,
  )
})
