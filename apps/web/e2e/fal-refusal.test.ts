import { describe, expect, it } from 'vitest'
import { canvasDriver } from './canvas-driver.ts'
import { useApp } from './harness.ts'
import { runDriver } from './run-driver.ts'

describe('a shot fal refuses, in Chromium', () => {
  const app = useApp()

  it('lights the start port of the Kling node when fal’s 422 names start_image_url', async () => {
    const { page, url, server } = app()
    const run = runDriver(page)
    await page.goto(`${url}/#three-shot-chain`)
    await expect.poll(() => canvasDriver(page).nodes().count(), { timeout: 15_000 }).toBe(9)
    // fal's own refusal, after the job ran: its result is a 422 in fal's words.
    server.emulator.configure({
      force422: 1,
      force422Detail: [
        {
          loc: ['body', 'start_image_url'],
          msg: 'Failed to load the image. Please ensure the image file is not corrupted.',
          type: 'image_load_error',
        },
      ],
    })
    await page.getByTestId('run').click()
    await expect.poll(() => run.state('shot1'), { timeout: 60_000 }).toBe('failed')
    const shot1 = canvasDriver(page).node('shot1')
    await expect.poll(() => shot1.getAttribute('data-fault-fields')).toContain('start')
    expect(await shot1.locator('.sc-port--in.is-faulty').count()).toBe(1)
    expect(await shot1.locator('.sc-port--in.is-faulty').textContent()).toMatch(/Start frame/)
    server.emulator.configure({ force422: 0, force422Detail: undefined })
  }, 180_000)
})
