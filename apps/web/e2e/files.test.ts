import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { canvasDriver } from './canvas-driver.ts'
import { screenshot, useApp } from './harness.ts'

const SLOW = 120_000
const STUDIO = resolve(import.meta.dirname, '../../../examples/images/studio.jpg')

const text = (s: string) => new TextEncoder().encode(s)
const notices = (page: Page) => page.getByTestId('notice').allTextContents()
const saveState = (page: Page) => page.getByTestId('save-state').textContent()

describe('workflow files and images in Chromium', () => {
  const app = useApp()

  it(
    'refuses a broken file with its issues, imports a good one, and adds a dropped image as a node',
    async () => {
      const { page, url } = app()
      const starter = await (await fetch(`${url}/api/workflows/three-shot-chain`)).json()
      const count = starter.doc.nodes.length
      await page.goto(url)
      const nodes = page.locator('[data-testid="node"]')
      await expect.poll(() => nodes.count(), { timeout: 15_000 }).toBe(count)

      const broken =
        '{"format":"shotchain.workflow","version":1,"name":"Broken","nodes":[{"id":"a","type":"prompt","position":[0,"x"],"params":{}}],"edges":[]}'
      await canvasDriver(page).dropFiles(
        [{ name: 'broken.json', type: 'application/json', bytes: text(broken) }],
        { x: 600, y: 600 },
      )
      await expect
        .poll(() => notices(page))
        .toEqual([
          expect.stringMatching(/broken\.json was not imported.*nodes\[0\]\.position\[1\]/),
        ])
      expect(await nodes.count()).toBe(count)

      const good = JSON.stringify({
        ...starter.doc,
        name: 'From a file',
        nodes: starter.doc.nodes.slice(1),
        edges: [],
      })
      await page.getByTestId('import-file').setInputFiles({
        name: 'good.json',
        mimeType: 'application/json',
        buffer: Buffer.from(good),
      })
      await expect.poll(() => page.getByTestId('workflow-name').inputValue()).toBe('From a file')
      expect(await nodes.count()).toBe(count - 1)
      expect(await saveState(page)).toBe('Not saved yet')

      await canvasDriver(page).dropFiles(
        [{ name: 'studio.jpg', type: 'image/jpeg', bytes: await readFile(STUDIO) }],
        { x: 700, y: 650 },
      )
      await expect.poll(() => nodes.count(), { timeout: 15_000 }).toBe(count)
      await expect.poll(() => page.locator('img[src^="/media/"]').count()).toBeGreaterThan(0)
      await page.getByTestId('save').click()
      await expect.poll(() => saveState(page)).toBe('Saved')
      const list = await (await fetch(`${url}/api/workflows`)).json()
      expect(list.workflows.map((w: { name: string }) => w.name)).toContain('From a file')
      await screenshot(page, 'files-imported')
    },
    SLOW,
  )

  it(
    'on a stale save, says so and lets the person keep theirs',
    async () => {
      const { page, url } = app()
      await page.goto(`${url}/#three-shot-chain`)
      await expect
        .poll(() => page.getByTestId('workflow-name').inputValue(), { timeout: 15_000 })
        .toBe('Three-shot chain')
      const stored = await (await fetch(`${url}/api/workflows/three-shot-chain`)).json()
      const elsewhere = await fetch(`${url}/api/workflows/three-shot-chain`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          doc: { ...stored.doc, name: 'Saved elsewhere' },
          revision: stored.revision,
        }),
      })
      expect(elsewhere.status).toBe(200)
      await page.getByTestId('workflow-name').fill('Mine')
      await page.keyboard.press('Control+s')
      await expect
        .poll(() => notices(page))
        .toEqual([expect.stringMatching(/someone saved this workflow/)])
      await screenshot(page, 'files-conflict')
      await page.getByRole('button', { name: 'Keep mine' }).click()
      await expect.poll(() => saveState(page)).toBe('Saved')
      const after = await (await fetch(`${url}/api/workflows/three-shot-chain`)).json()
      expect(after.doc.name).toBe('Mine')
    },
    SLOW,
  )

  it(
    'without a server, saves in this browser and says images need the server',
    async () => {
      const { page, url } = app()
      const offline = await app().browser.newPage()
      await offline.route('**/api/**', (route) => route.abort())
      await offline.route('**/media/**', (route) => route.abort())
      await offline.goto(url)
      await expect
        .poll(() => offline.getByText('No server: saving in this browser').count())
        .toBe(1)
      await offline.getByTestId('workflow-name').fill('Offline draft')
      await offline.getByTestId('save').click()
      await expect.poll(() => saveState(offline)).toBe('Saved in this browser')
      await canvasDriver(offline).dropFiles(
        [{ name: 'studio.jpg', type: 'image/jpeg', bytes: await readFile(STUDIO) }],
        { x: 600, y: 600 },
      )
      await expect
        .poll(() => notices(offline))
        .toEqual([expect.stringMatching(/Images and sounds need the Shotchain server/)])
      await offline.reload()
      await expect
        .poll(() => offline.getByTestId('workflow-name').inputValue())
        .toBe('Offline draft')
      await offline.close()
      expect(page.isClosed()).toBe(false)
    },
    SLOW,
  )
})
