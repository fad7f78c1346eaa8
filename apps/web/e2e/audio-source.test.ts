import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import { makeSound, makeTempDir } from '@shotchain/media/testing'
import { afterAll, describe, expect, it } from 'vitest'
import { canvasDriver } from './canvas-driver.ts'
import { screenshot, useApp } from './harness.ts'

const SLOW = 120_000

describe('the audio source in Chromium', () => {
  const app = useApp()
  const temp = makeTempDir()
  afterAll(async () => (await temp).cleanup())

  it(
    'makes an Audio node of a dropped WAV that shows its length and plays the stored sound, and fills it with another dropped on it',
    async () => {
      const { dir } = await temp
      const wav = await readFile(await makeSound(join(dir, 'a.wav'), { seconds: 2, format: 'wav' }))
      const m4a = await makeSound(join(dir, 'b.m4a'), { seconds: 3, format: 'm4a', frequency: 660 })
      // A page of a context of its own: axe opens a second page in it.
      const context = await app().browser.newContext({ viewport: { width: 1400, height: 900 } })
      const page = await context.newPage()
      await page.goto(app().url)
      const canvas = canvasDriver(page)
      await canvas.newWorkflow()
      await canvas.dropFiles([{ name: 'theme.wav', type: 'audio/wav', bytes: wav }], {
        x: 500,
        y: 350,
      })
      const sound = canvas.node('audio-1')
      await expect.poll(() => sound.count(), { timeout: 15_000 }).toBe(1)
      expect(await canvas.nodes().count()).toBe(1)
      expect(await sound.locator('.sc-audio__name').textContent()).toBe('theme.wav')
      await expect
        .poll(() => sound.getByTestId('audio-duration').textContent(), { timeout: 15_000 })
        .toBe('2.0 s')
      const player = sound.locator('audio[src^="/media/"]')
      expect(await player.count()).toBe(1)
      // The player read the stored sound: its length, and no error.
      expect(
        await player.evaluate((a: HTMLAudioElement) => ({
          error: a.error?.code ?? null,
          duration: Math.round(a.duration * 10) / 10,
          canPlay: a.canPlayType('audio/wav') !== '',
        })),
      ).toEqual({ error: null, duration: 2, canPlay: true })
      const served = await fetch(`${app().url}${await player.getAttribute('src')}`)
      expect(served.headers.get('content-type')).toBe('audio/wav')
      expect(Buffer.from(await served.arrayBuffer()).equals(wav)).toBe(true)
      // It plays: time moves on.
      await player.evaluate((a: HTMLAudioElement) => {
        a.muted = true
        return a.play()
      })
      await expect
        .poll(() => player.evaluate((a: HTMLAudioElement) => a.currentTime))
        .toBeGreaterThan(0.1)
      await screenshot(page, 'audio-node')
      const axe = await new AxeBuilder({ page })
        .include('.sc-node--audio-source')
        .options({ resultTypes: ['violations'] })
        .analyze()
      expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([])

      const box = await sound.locator('.sc-audio__meta').boundingBox()
      if (box === null) throw new Error('no audio node on screen')
      await canvas.dropFiles(
        [{ name: 'dusk.m4a', type: 'audio/x-m4a', bytes: await readFile(m4a) }],
        { x: box.x + box.width / 2, y: box.y + box.height / 2 },
      )
      await expect
        .poll(() => sound.locator('.sc-audio__name').textContent(), { timeout: 15_000 })
        .toBe('dusk.m4a')
      expect(await canvas.nodes().count()).toBe(1)
      await expect.poll(() => sound.getByTestId('audio-duration').textContent()).toBe('3.0 s')
      await context.close()
    },
    SLOW,
  )
})
