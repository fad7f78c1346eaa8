import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { canvasDriver } from './canvas-driver.ts'
import { screenshot, startApp, useApp } from './harness.ts'
import { ESTIMATE_WAIT, KLING, runDriver } from './run-driver.ts'

const SLOW = 300_000

const STUDIO = resolve(import.meta.dirname, '../../../examples/images/studio.jpg')

/** Plays the sequence player muted and waits until its picture moves. */
async function playsSequence(page: Page): Promise<void> {
  const player = page.getByTestId('sequence-player')
  await player.evaluate((video: HTMLVideoElement) => {
    video.muted = true
    return video.play()
  })
  await expect
    .poll(() => player.evaluate((v: HTMLVideoElement) => v.currentTime))
    .toBeGreaterThan(0)
  await player.evaluate((video: HTMLVideoElement) => video.pause())
}

/**
 * The whole path of a person new to Shotchain, as the issue that asked for it lists it: a new
 * workflow, an image by browsing, a prompt, a Kling shot, the next shot, a run, the sequence
 * played, an edit, a re-run that pays only for what changed, an export, and the import of that
 * file on another machine's server. A screenshot of each step goes to test-output/newcomer-*.png.
 */
describe('a newcomer’s first sequence, from an empty workflow to another machine', () => {
  const app = useApp()

  it(
    'builds, runs, edits, re-runs, exports and imports a two-shot sequence',
    async () => {
      const { browser, url, server } = app()
      server.emulator.configure({ queueLatencyMs: 20, runLatencyMs: 200 })
      const submits = () => server.emulator.stats().submits[KLING] ?? 0
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
      const canvas = canvasDriver(page)
      const run = runDriver(page)
      await page.goto(url)
      await canvas.newWorkflow()
      await expect.poll(() => canvas.nodes().count()).toBe(0)
      await page.getByTestId('workflow-name').fill('Harbour at dusk')
      await screenshot(page, 'newcomer-1-new')

      // An image, by browsing; the node shows the file's own name.
      await canvas.place([['image', 'image-1', 20, 60]])
      await canvas
        .node('image-1')
        .getByTestId('image-browse')
        .setInputFiles({
          name: 'studio.jpg',
          mimeType: 'image/jpeg',
          buffer: await readFile(STUDIO),
        })
      await expect
        .poll(() => canvas.node('image-1').locator('.sc-image__name').textContent(), {
          timeout: 15_000,
        })
        .toBe('studio.jpg')

      // A prompt and a Kling shot, wired by hand.
      await canvas.place([
        ['prompt', 'prompt-1', 20, 420],
        ['kling', 'shot-1', 360, 60],
      ])
      await canvas.node('prompt-1').getByTestId('prompt-text').click()
      await page.keyboard.type('@Image1: the camera drifts toward the window')
      await canvas.connect(['image-1', 'image'], ['shot-1', 'start'])
      await canvas.connect(['prompt-1', 'text'], ['shot-1', 'prompt'])
      await canvas.place([
        // Clear of the minimap's corner (the timeline keeps its height, so the canvas is what
        // it is after a run from the start).
        ['sequence', 'sequence-1', 680, 400],
        ['output', 'output-1', 960, 400],
      ])
      await canvas.connect(['shot-1', 'video'], ['sequence-1', 'clips'])
      await canvas.connect(['sequence-1', 'video'], ['output-1', 'video'])
      await expect.poll(() => canvas.connections().count()).toBe(4)
      await screenshot(page, 'newcomer-2-first-shot')

      // The next shot: a prompt and a shot from the first one's last frame, in the sequence.
      await canvas.node('shot-1').getByTestId('add-next-shot').click()
      await expect.poll(() => canvas.node('shot-2').count()).toBe(1)
      await canvas.node('prompt-2').getByTestId('prompt-text').click()
      await page.keyboard.press('End')
      await page.keyboard.type(' the light fades to dusk')
      await canvas.clickBackground()
      await expect.poll(() => canvas.connections().count()).toBe(7)
      await expect.poll(run.estimate, ESTIMATE_WAIT).toBe('2 shots to generate, $0.84')
      await page.keyboard.press('Control+s')
      await expect.poll(() => page.getByTestId('save-state').textContent()).toBe('Saved')
      await screenshot(page, 'newcomer-3-two-shots')

      // Run; both shots are paid once; the stitched sequence lasts both clips and plays.
      await page.getByTestId('run').click()
      await expect.poll(run.runStatus, { timeout: 90_000 }).toBe('Last run succeeded, spent $0.84')
      expect(submits()).toBe(2)
      expect(await page.getByTestId('timeline-shot').count()).toBe(2)
      const duration = await run.sequenceDuration()
      expect(duration).toBeGreaterThan(9.8)
      expect(duration).toBeLessThan(10.2)
      await playsSequence(page)
      await screenshot(page, 'newcomer-4-run')

      // An edit of the second prompt: only that shot is estimated, run and paid again.
      await canvas.node('prompt-2').getByTestId('prompt-text').click()
      await page.keyboard.press('End')
      await page.keyboard.type(', rain on the glass')
      await canvas.clickBackground()
      await expect.poll(run.estimate, ESTIMATE_WAIT).toBe('1 shot to generate, 1 cached, $0.42')
      await page.getByTestId('run').click()
      await expect.poll(run.runStatus, { timeout: 90_000 }).toBe('Last run succeeded, spent $0.42')
      expect(submits()).toBe(3)
      await playsSequence(page)
      await page.keyboard.press('Control+s')
      await expect.poll(() => page.getByTestId('save-state').textContent()).toBe('Saved')
      await screenshot(page, 'newcomer-5-re-run')

      // Export: a bundle holding the workflow and the browsed image.
      const downloading = page.waitForEvent('download')
      await page.getByRole('button', { name: 'Export', exact: true }).click()
      const download = await downloading
      expect(download.suggestedFilename()).toBe('harbour-at-dusk.zip')
      const zip = await readFile(await download.path())
      await page.close()

      // Another machine: the bundle opens with its image and the same estimate.
      const elsewhere = await startApp()
      try {
        const other = elsewhere.page
        await other.goto(elsewhere.url)
        await other.getByTestId('import-file').setInputFiles({
          name: 'harbour-at-dusk.zip',
          mimeType: 'application/zip',
          buffer: zip,
        })
        await expect
          .poll(() => other.getByTestId('workflow-name').inputValue(), { timeout: 15_000 })
          .toBe('Harbour at dusk')
        const imported = canvasDriver(other)
        await expect.poll(() => imported.nodes().count()).toBe(7)
        await expect
          .poll(() => imported.node('image-1').locator('img[src^="/media/"]').count(), {
            timeout: 15_000,
          })
          .toBe(1)
        expect(await imported.node('image-1').locator('.sc-image__name').textContent()).toBe(
          'studio.jpg',
        )
        await expect
          .poll(runDriver(other).estimate, ESTIMATE_WAIT)
          .toBe('2 shots to generate, $0.84')
        await screenshot(other, 'newcomer-6-imported-elsewhere')
      } finally {
        await elsewhere.close()
      }
    },
    SLOW,
  )
})
