import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { canvasDriver } from './canvas-driver.ts'
import { openStarter, STARTER, screenshot, startApp, useApp } from './harness.ts'
import { runDriver } from './run-driver.ts'

const SLOW = 180_000

const STUDIO = resolve(import.meta.dirname, '../../../examples/images/studio.jpg')

const saveState = (page: Page) => page.getByTestId('save-state').textContent()

describe('the image node, saved state and workflow files in Chromium', () => {
  const app = useApp()

  it(
    'says "Saved" again once edits are undone back to exactly the saved workflow',
    async () => {
      const { page, canvas } = await openStarter(app())
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

  it(
    'fills an empty Image node with a file dropped on it (one undo step), by browsing, or by a url, and names the file',
    async () => {
      const page = await app().browser.newPage({ viewport: { width: 1400, height: 900 } })
      await page.goto(app().url)
      const canvas = canvasDriver(page)
      await canvas.newWorkflow()
      await canvas.place([['image', 'image-1', 200, 120]])
      const image = canvas.node('image-1')
      // The empty node asks for what it offers, not for a path it has no field for.
      await expect.poll(() => image.getByTestId('node-issue').textContent()).toMatch(/browse/)
      expect(await image.getByTestId('node-issue').textContent()).not.toMatch(/path of an image/)

      const frame = await image.locator('.sc-image__frame').boundingBox()
      if (frame === null) throw new Error('no image frame')
      const bytes = await readFile(STUDIO)
      await canvas.dropFiles([{ name: 'studio.jpg', type: 'image/jpeg', bytes }], {
        x: frame.x + frame.width / 2,
        y: frame.y + frame.height / 2,
      })
      await expect
        .poll(() => image.locator('img[src^="/media/"]').count(), { timeout: 15_000 })
        .toBe(1)
      expect(await canvas.nodes().count()).toBe(1)
      expect(await image.locator('.sc-image__name').textContent()).toBe('studio.jpg')
      await expect.poll(() => image.getByTestId('node-issue').count()).toBe(0)
      await screenshot(page, 'image-node-filled')

      await canvas.clickBackground()
      await page.keyboard.press('Control+z')
      await expect.poll(() => image.locator('img').count()).toBe(0)
      expect(await canvas.nodes().count()).toBe(1)

      await image.getByTestId('image-browse').setInputFiles({
        name: 'harbour at dusk.jpg',
        mimeType: 'image/jpeg',
        buffer: bytes,
      })
      await expect
        .poll(() => image.locator('.sc-image__name').textContent(), { timeout: 15_000 })
        .toBe('harbour at dusk.jpg')
      expect(await image.locator('img[src^="/media/"]').count()).toBe(1)

      const url = image.getByTestId('image-url')
      await url.fill('https://images.example/cliff.png')
      await url.press('Enter')
      await expect
        .poll(() => image.locator('.sc-image__name').textContent())
        .toBe('https://images.example/cliff.png')
      expect(await canvas.nodes().count()).toBe(1)
      await expect.poll(() => image.getByTestId('node-issue').count()).toBe(0)
      await page.close()
    },
    SLOW,
  )

  it(
    'downloads the stitched sequence under one name, the output node’s, from the timeline and the run outputs',
    async () => {
      const { page } = await openStarter(app())
      const run = runDriver(page)
      await page.getByTestId('run').click()
      await expect.poll(run.runStatus, { timeout: 90_000 }).toMatch(/^Last run succeeded/)
      const fromTimeline = page.getByTestId('sequence-download')
      const fromOutputs = page.getByTestId('run-outputs').locator('a')
      await expect.poll(() => fromOutputs.count()).toBe(1)
      const name = await fromOutputs.getAttribute('download')
      expect(name).toMatch(/\.mp4$/)
      expect(await fromTimeline.getAttribute('download')).toBe(name)
      expect(await fromTimeline.getAttribute('href')).toBe(await fromOutputs.getAttribute('href'))
      await page.close()
    },
    SLOW,
  )

  it(
    'exports the workflow with its image as a bundle that opens on another server, and asks before an import takes a saved name',
    async () => {
      const { page } = await openStarter(app())
      const downloading = page.waitForEvent('download')
      await page.getByRole('button', { name: 'Export', exact: true }).click()
      const download = await downloading
      expect(download.suggestedFilename()).toBe('three-shot-chain.zip')
      const zip = await readFile(await download.path())
      const entries = unzipSync(new Uint8Array(zip))
      const json = strFromU8(entries['workflow.json'] ?? new Uint8Array())
      const doc = JSON.parse(json) as { nodes: { type: string; params: { path?: string } }[] }
      const paths = doc.nodes.flatMap((n) => (n.type === 'image-source' ? [n.params.path] : []))
      expect(paths.length).toBeGreaterThan(0)
      for (const path of paths) {
        expect(path).toMatch(/^images\/[0-9a-f]{64}\.jpg$/)
        expect(entries[path ?? '']?.byteLength).toBeGreaterThan(1000)
      }
      expect(json).not.toContain(app().server.home)
      await page.close()

      // Another machine's server: its own media folder, and its own "Three-shot chain".
      const elsewhere = await startApp()
      try {
        const other = elsewhere.page
        await other.goto(`${elsewhere.url}/#${STARTER}`)
        await expect.poll(() => canvasDriver(other).nodes().count(), { timeout: 15_000 }).toBe(9)
        const importZip = () =>
          other.getByTestId('import-file').setInputFiles({
            name: 'three-shot-chain.zip',
            mimeType: 'application/zip',
            buffer: zip,
          })
        await importZip()
        const asCopy = other.getByRole('button', { name: 'Import as "Three-shot chain (2)"' })
        await expect.poll(() => asCopy.count(), { timeout: 15_000 }).toBe(1)
        // Asked, nothing changed yet.
        expect(await other.getByTestId('workflow-name').inputValue()).toBe('Three-shot chain')
        await asCopy.click()
        await expect
          .poll(() => other.getByTestId('workflow-name').inputValue())
          .toBe('Three-shot chain (2)')
        const pictures = other.locator('[data-node-type="image-source"] img[src^="/media/"]')
        await expect.poll(() => pictures.count(), { timeout: 15_000 }).toBe(paths.length)
        await other.getByTestId('save').click()
        await expect.poll(() => saveState(other)).toBe('Saved')
        const names = async () =>
          (
            (await (await fetch(`${elsewhere.url}/api/workflows`)).json()).workflows as {
              name: string
            }[]
          )
            .map((w) => w.name)
            .sort()
        expect(await names()).toEqual(['Three-shot chain', 'Three-shot chain (2)'])
        await screenshot(other, 'files-bundle-imported')

        // Replacing is the person's choice, and takes effect only on Save.
        await importZip()
        await other.getByRole('button', { name: 'Replace "Three-shot chain"' }).click()
        await expect
          .poll(() => other.getByTestId('workflow-name').inputValue())
          .toBe('Three-shot chain')
        expect(await saveState(other)).toBe('Unsaved changes')
        const before = await (await fetch(`${elsewhere.url}/api/workflows/${STARTER}`)).json()
        await other.getByTestId('save').click()
        await expect.poll(() => saveState(other)).toBe('Saved')
        const after = await (await fetch(`${elsewhere.url}/api/workflows/${STARTER}`)).json()
        expect(after.revision).toBe(before.revision + 1)
        expect(await names()).toEqual(['Three-shot chain', 'Three-shot chain (2)'])
      } finally {
        await elsewhere.close()
      }
    },
    SLOW,
  )
})
