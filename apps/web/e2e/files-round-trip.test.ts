import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { canvasDriver } from './canvas-driver.ts'
import { useApp } from './harness.ts'

const SLOW = 180_000
const STARTER = 'three-shot-chain'

const saveState = (page: Page) => page.getByTestId('save-state').textContent()

describe('the image node, saved state and workflow files in Chromium', () => {
  const app = useApp()

  /** A page of its own on the starter workflow, so no test sees what another left. */
  async function openStarter() {
    const page = await app().browser.newPage({ viewport: { width: 1400, height: 900 } })
    await page.goto(`${app().url}/#${STARTER}`)
    const canvas = canvasDriver(page)
    await expect.poll(() => canvas.nodes().count(), { timeout: 15_000 }).toBe(9)
    return { page, canvas, url: app().url }
  }

  it(
    'says "Saved" again once edits are undone back to exactly the saved workflow',
    async () => {
      const { page, canvas } = await openStarter()
      expect(await saveState(page)).toBe('Saved')
      await canvas.dragBy('prompt1', 80, 40)
      await canvas.dragBy('shot2', -60, 30)
      await expect.poll(() => saveState(page)).toBe('Unsaved changes')
      await page.keyboard.press('Control+z')
      await expect.poll(() => saveState(page)).toBe('Unsaved changes')
      await page.keyboard.press('Control+z')
      await expect.poll(() => saveState(page)).toBe('Saved')
      // Redo is an edit again: unsaved.
      await page.keyboard.press('Control+Shift+z')
      await expect.poll(() => saveState(page)).toBe('Unsaved changes')
      await page.close()
    },
    SLOW,
  )
})
