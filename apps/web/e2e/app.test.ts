import { describe, expect, it } from 'vitest'
import { screenshot, useApp } from './harness.ts'

// A browser, a build and a server: generous timeouts here, not in the shared config.
const SLOW = 120_000

describe('the app in Chromium', () => {
  const app = useApp()

  it(
    'lists the starter workflow, opens it with all its nodes, and keeps a saved rename over a reload',
    async () => {
      const { page, url } = app()
      const starter = (await (await fetch(`${url}/api/workflows/three-shot-chain`)).json()) as {
        doc: { name: string; nodes: unknown[] }
      }
      await page.goto(url)
      await page.getByTestId('workflow-list-toggle').click()
      const item = page.getByTestId('workflow-item').filter({ hasText: starter.doc.name })
      await expect.poll(() => item.count()).toBe(1)
      await item.click()
      const nodes = page.locator('[data-testid="node"]')
      await expect.poll(() => nodes.count(), { timeout: 15_000 }).toBe(starter.doc.nodes.length)
      await screenshot(page, 'app-starter')

      const name = page.getByTestId('workflow-name')
      await name.fill('Harbour at dusk')
      await name.press('Enter')
      await expect.poll(() => page.getByTestId('save-state').textContent()).toBe('Unsaved changes')
      await page.getByTestId('save').click()
      await expect.poll(() => page.getByTestId('save-state').textContent()).toBe('Saved')

      await page.reload()
      await expect.poll(() => name.inputValue(), { timeout: 15_000 }).toBe('Harbour at dusk')
      await page.getByTestId('workflow-list-toggle').click()
      await expect
        .poll(() => page.getByTestId('workflow-item').allTextContents())
        .toEqual([expect.stringContaining('Harbour at dusk')])
      await screenshot(page, 'app-renamed')
    },
    SLOW,
  )
})
