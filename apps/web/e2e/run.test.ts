import { makePng } from '@shotchain/fal-emulator/testing'
import { describe, expect, it } from 'vitest'
import { canvasDriver } from './canvas-driver.ts'
import { screenshot, useApp } from './harness.ts'
import { ESTIMATE_WAIT, KLING, runDriver } from './run-driver.ts'

const SLOW = 180_000

describe('running from the app in Chromium', () => {
  const app = useApp()
  const submits = () => app().server.emulator.stats().submits[KLING] ?? 0

  it(
    'runs the starter: nodes go queued → running → succeeded, the timeline fills, the stitched video plays',
    async () => {
      const { page, url } = app()
      const run = runDriver(page)
      app().server.emulator.configure({ queueLatencyMs: 1200, runLatencyMs: 800 })
      await page.goto(`${url}/#three-shot-chain`)
      await expect.poll(() => canvasDriver(page).nodes().count(), { timeout: 15_000 }).toBe(9)
      await expect.poll(run.estimate, ESTIMATE_WAIT).toBe('3 shots to generate, $1.26')
      await expect.poll(() => page.getByTestId('offline-banner').count()).toBe(1)
      await run.recordStates()
      await page.getByTestId('run').click()
      await expect.poll(run.runStatus, { timeout: 60_000 }).toBe('Last run succeeded, spent $1.26')
      const states = await run.recordedStates()
      for (const shot of ['shot1', 'shot2', 'shot3']) {
        expect(states[shot]).toEqual(expect.arrayContaining(['queued', 'running', 'succeeded']))
        expect(states[shot]?.at(-1)).toBe('succeeded')
      }
      const shots = page.getByTestId('timeline-shot')
      expect(await shots.count()).toBe(3)
      expect(await shots.locator('img').count()).toBe(3)
      expect(await canvasDriver(page).node('shot2').getByTestId('kling-video').count()).toBe(1)
      expect(await canvasDriver(page).node('shot2').getByTestId('input-frame').count()).toBe(1)
      const duration = await run.sequenceDuration()
      expect(duration).toBeGreaterThan(14.8)
      expect(duration).toBeLessThan(15.2)
      await page.getByTestId('sequence-player').evaluate((video: HTMLVideoElement) => {
        video.muted = true
        return video.play()
      })
      await expect
        .poll(() =>
          page.getByTestId('sequence-player').evaluate((v: HTMLVideoElement) => v.currentTime),
        )
        .toBeGreaterThan(0)
      await screenshot(page, 'run-starter-done')
      app().server.emulator.configure({ queueLatencyMs: 20 })
    },
    SLOW,
  )

  it(
    'after an edit of shot 2’s prompt, estimates and runs exactly shots 2 and 3',
    async () => {
      const { page } = app()
      const run = runDriver(page)
      const before = submits()
      await canvasDriver(page).node('prompt2').getByTestId('prompt-text').click()
      await page.keyboard.press('End')
      await page.keyboard.type(', rain starts')
      await expect.poll(run.estimate, ESTIMATE_WAIT).toBe('2 shots to generate, 1 cached, $0.84')
      await expect.poll(() => run.state('shot2')).toBe('stale')
      await page.getByTestId('run').click()
      await expect.poll(run.runStatus, { timeout: 60_000 }).toBe('Last run succeeded, spent $0.84')
      expect(submits() - before).toBe(2)
      expect(await run.state('shot1')).toBe('cached')
    },
    SLOW,
  )

  it(
    'cancels during shot 1: the node shows cancelled and fal got the cancel',
    async () => {
      const { page } = app()
      const run = runDriver(page)
      app().server.emulator.configure({ runLatencyMs: 6000 })
      const cancelledBefore = app().server.emulator.stats().cancelled[KLING] ?? 0
      await canvasDriver(page).node('prompt1').getByTestId('prompt-text').click()
      await page.keyboard.press('End')
      await page.keyboard.type(' at dawn')
      await expect.poll(run.estimate, ESTIMATE_WAIT).toBe('3 shots to generate, $1.26')
      await page.getByTestId('run').click()
      await expect.poll(() => run.state('shot1'), { timeout: 30_000 }).toBe('running')
      await page.getByTestId('cancel').click()
      await expect.poll(() => run.state('shot1'), { timeout: 30_000 }).toBe('cancelled')
      await expect.poll(run.runStatus).toMatch(/^Last run cancelled/)
      await expect
        .poll(() => app().server.emulator.stats().cancelled[KLING] ?? 0)
        .toBe(cancelledBefore + 1)
    },
    SLOW,
  )

  it(
    'a reload during shot 2 brings the run’s progress back, and it completes without restarting',
    async () => {
      const { page } = app()
      const run = runDriver(page)
      app().server.emulator.configure({ runLatencyMs: 2500 })
      const before = submits()
      await page.getByTestId('run').click()
      await expect.poll(() => run.state('shot2'), { timeout: 30_000 }).toBe('running')
      await page.reload()
      await expect.poll(() => run.state('shot1'), { timeout: 15_000 }).toBe('succeeded')
      await expect.poll(() => run.state('shot2'), { timeout: 15_000 }).toMatch(/queued|running/)
      await expect.poll(run.runStatus, { timeout: 60_000 }).toMatch(/^Last run succeeded/)
      // Shot 1 re-attached to the job the cancelled run above left at fal (fal only signals a
      // running job's cancel, and it finished): shots 2 and 3 were the only new submits.
      expect(submits() - before).toBe(2)
      app().server.emulator.configure({ runLatencyMs: 150 })
    },
    SLOW,
  )

  it(
    'a submit whose answer was lost waits for a decision; Submit again finishes the run',
    async () => {
      const { page, url, server } = app()
      const run = runDriver(page)
      await page.goto(`${url}/#three-shot-chain`)
      await expect.poll(() => canvasDriver(page).nodes().count(), { timeout: 15_000 }).toBe(9)
      await canvasDriver(page).fitAll()
      await canvasDriver(page).node('prompt3').getByTestId('prompt-text').click()
      await page.keyboard.press('End')
      await page.keyboard.type(' as night falls')
      await expect.poll(run.estimate, ESTIMATE_WAIT).toBe('1 shot to generate, 2 cached, $0.42')
      server.emulator.configure({ faultScript: [{ route: 'submit', fault: 'dropAfter' }] })
      const before = server.emulator.stats().submits[KLING] ?? 0
      await page.getByTestId('run').click()
      await expect
        .poll(() => page.getByTestId('run-decision').textContent(), { timeout: 30_000 })
        .toContain('shot3')
      await expect.poll(() => run.state('shot3')).toBe('failed')
      await page.getByTestId('decide-resubmit').click()
      await expect.poll(run.runStatus, { timeout: 60_000 }).toMatch(/^Last run succeeded/)
      await expect.poll(() => run.state('shot3')).toBe('succeeded')
      await expect.poll(() => page.getByTestId('run-decision').count()).toBe(0)
      // The lost answer's job and the one submitted again: a person chose to risk paying twice.
      expect((server.emulator.stats().submits[KLING] ?? 0) - before).toBe(2)
    },
    SLOW,
  )

  it(
    'refuses a run whose start image is 200×200 before any submit, and the image node says why',
    async () => {
      const { page, url } = app()
      const upload = await fetch(`${url}/api/uploads`, {
        method: 'POST',
        headers: { origin: url, 'content-type': 'image/png' },
        body: new Blob([new Uint8Array(makePng(200, 200))]),
      })
      const { path } = (await upload.json()) as { path: string }
      const doc = {
        format: 'shotchain.workflow',
        version: 1,
        name: 'Tiny start',
        nodes: [
          { id: 'image', type: 'image-source', position: [0, 0], params: { path } },
          {
            id: 'prompt',
            type: 'prompt',
            position: [0, 300],
            params: { text: '@Image1: a slow push in' },
          },
          { id: 'shot', type: 'kling-o1-i2v', position: [320, 0], params: { duration: 5 } },
        ],
        edges: [
          { id: 'e1', from: { node: 'image', port: 'image' }, to: { node: 'shot', port: 'start' } },
          {
            id: 'e2',
            from: { node: 'prompt', port: 'text' },
            to: { node: 'shot', port: 'prompt' },
          },
        ],
      }
      const created = await fetch(`${url}/api/workflows`, {
        method: 'POST',
        headers: { origin: url, 'content-type': 'application/json' },
        body: JSON.stringify(doc),
      })
      const { id } = (await created.json()) as { id: string }
      const before = submits()
      await page.goto(`${url}/#${id}`)
      await expect.poll(() => canvasDriver(page).nodes().count(), { timeout: 15_000 }).toBe(3)
      await page.getByTestId('run').click()
      // Said once, on the node; the panel points at it: the run's refusal does, or the estimate
      // does when it refused first (then the run's refusal is not said again).
      const panel = () => page.getByTestId('run-panel').textContent()
      await expect.poll(panel).toMatch(/(Not run|Cannot run yet): fix what is marked on image/)
      expect((await panel())?.match(/fix what is marked on/g)).toHaveLength(1)
      await expect.poll(() => runDriver(page).state('image')).toBe('invalid')
      await expect
        .poll(() => canvasDriver(page).node('image').getByTestId('node-issue').textContent())
        .toContain('200×200')
      expect(submits()).toBe(before)
      await screenshot(page, 'run-refused-small-image')
    },
    SLOW,
  )
})
