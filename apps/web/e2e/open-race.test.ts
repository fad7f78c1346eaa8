import { setTimeout as sleep } from 'node:timers/promises'
import { describe, expect, it } from 'vitest'
import { canvasDriver } from './canvas-driver.ts'
import { useApp } from './harness.ts'

const SLOW = 120_000

describe('opening a workflow in Chromium', () => {
  const app = useApp()

  it(
    'a New clicked while the first workflow is still loading is not replaced by it',
    async () => {
      const { browser, url } = app()
      const page = await browser.newPage()
      let answered = false
      // The starter's request is held for a second: the person clicks New meanwhile.
      await page.route('**/api/workflows/three-shot-chain', async (route) => {
        await sleep(1000)
        await route.continue()
        answered = true
      })
      await page.goto(`${url}/#three-shot-chain`)
      await page.getByRole('button', { name: 'New', exact: true }).click()
      await expect.poll(() => answered, { timeout: 10_000 }).toBe(true)
      await page.waitForTimeout(500)
      expect(await page.getByTestId('workflow-name').inputValue()).toBe('Untitled')
      expect(await canvasDriver(page).nodes().count()).toBe(0)
      await page.close()
    },
    SLOW,
  )
})
