import { describe, expect, it } from 'vitest'
import { canvasDriver } from './canvas-driver.ts'
import { screenshot, useApp } from './harness.ts'
import { ESTIMATE_WAIT, runDriver } from './run-driver.ts'

const SLOW = 180_000
const SHOTS = ['shot1', 'shot2', 'shot3']

describe('results are never hidden', () => {
  const app = useApp()

  it(
    'a run whose nodes all come from the cache shows every clip, the shots as cached and the stitched sequence',
    async () => {
      const { page, url } = app()
      const run = runDriver(page)
      await page.goto(`${url}/#three-shot-chain`)
      await expect.poll(() => canvasDriver(page).nodes().count(), { timeout: 15_000 }).toBe(9)
      await canvasDriver(page).fitAll()
      await page.getByTestId('run').click()
      await expect.poll(run.runStatus, { timeout: 60_000 }).toBe('Last run succeeded, spent $1.26')
      await expect
        .poll(run.estimate, ESTIMATE_WAIT)
        .toBe('Everything is cached: a run costs nothing')
      await page.getByTestId('run').click()
      await expect.poll(() => page.getByTestId('run-history-item').count()).toBe(2)
      await expect.poll(run.runStatus, { timeout: 60_000 }).toBe('Last run succeeded, nothing paid')
      for (const shot of SHOTS) {
        expect(await run.state(shot)).toBe('cached')
        expect(await canvasDriver(page).node(shot).getByTestId('kling-video').count()).toBe(1)
      }
      const metas = await page
        .locator('[data-testid="timeline-shot"] .timeline-meta')
        .allTextContents()
      expect(metas).toEqual(SHOTS.map(() => '5 s · cached · $0.00'))
      const total = await page.getByTestId('timeline-total').textContent()
      expect(total).not.toContain('est.')
      expect(total).not.toContain('plays here after a run')
      expect(await page.getByTestId('sequence-player').count()).toBe(1)
      expect(await run.sequenceDuration()).toBeGreaterThan(14.8)
      await screenshot(page, 'run-results-all-cached')
    },
    SLOW,
  )

  it(
    'a validation problem shows the shot Invalid (not Failed), once, in plain words, and keeps its clip marked changed',
    async () => {
      const { page } = app()
      const run = runDriver(page)
      await canvasDriver(page).node('prompt2').getByTestId('prompt-text').click()
      await page.keyboard.press('End')
      await page.keyboard.type(' until @Image2')
      await expect.poll(run.estimate, ESTIMATE_WAIT).toMatch(/^Cannot run yet/)
      const checkShown = async () => {
        await expect.poll(() => run.state('shot2')).toBe('invalid')
        const shot2 = canvasDriver(page).node('shot2')
        expect(await shot2.getByTestId('run-state').textContent()).toBe('Invalid')
        expect(await shot2.getByTestId('kling-video').count()).toBe(1)
        expect(await shot2.getByTestId('kling-preview').textContent()).toContain('changed')
        const meta = page.locator('[data-node-id="shot2"] .timeline-meta')
        expect(await meta.textContent()).toContain('invalid')
        expect(await meta.textContent()).not.toContain('failed')
        const text = (await page.locator('body').textContent()) ?? ''
        expect(text.split('names @Image2').length - 1).toBe(1)
        expect(text).not.toMatch(/nodes\[\d+\]/)
      }
      await checkShown()
      // Run cannot be pressed and says why; saving keeps the problem said once, and nothing runs.
      expect(await page.getByTestId('run').isDisabled()).toBe(true)
      await page.getByTestId('save').click()
      await expect.poll(() => page.getByTestId('save-state').textContent()).toBe('Saved')
      expect(await page.getByTestId('run-history-item').count()).toBe(2)
      expect(await page.getByTestId('estimate').textContent()).toBe(
        'Cannot run yet: fix what is marked on shot2',
      )
      await checkShown()
      await screenshot(page, 'run-results-invalid-shot')
      await canvasDriver(page).node('prompt2').getByTestId('prompt-text').click()
      await page.keyboard.press('Control+End')
      for (let k = 0; k < ' until @Image2'.length; k++) await page.keyboard.press('Backspace')
      expect(
        await canvasDriver(page).node('prompt2').getByTestId('prompt-text').inputValue(),
      ).not.toContain('@Image2')
      await expect
        .poll(run.estimate, ESTIMATE_WAIT)
        .toBe('Everything is cached: a run costs nothing')
      await page.getByTestId('save').click()
      await expect.poll(() => page.getByTestId('save-state').textContent()).toBe('Saved')
    },
    SLOW,
  )

  it(
    'a file with duration 15: the select shows 15 as invalid, the timeline invents no figures, the problem is said once in plain words',
    async () => {
      const { page, url } = app()
      const run = runDriver(page)
      const starter = (await (await fetch(`${url}/api/workflows/three-shot-chain`)).json()) as {
        doc: { nodes: { id: string; params: Record<string, unknown> }[] }
      }
      const doc = {
        ...starter.doc,
        name: 'Fifteen seconds',
        nodes: starter.doc.nodes.map((n) =>
          n.id === 'shot2' ? { ...n, params: { ...n.params, duration: 15 } } : n,
        ),
      }
      await page.goto(`${url}/#three-shot-chain`)
      await expect.poll(() => canvasDriver(page).nodes().count(), { timeout: 15_000 }).toBe(9)
      await page.getByTestId('import-file').setInputFiles({
        name: 'fifteen.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(doc)),
      })
      await expect
        .poll(() => page.getByTestId('workflow-name').inputValue())
        .toBe('Fifteen seconds')
      await page.getByTestId('save').click()
      await expect.poll(() => page.getByTestId('save-state').textContent()).toBe('Saved')
      await expect.poll(run.estimate, ESTIMATE_WAIT).toMatch(/^Cannot run yet/)
      const shot2 = canvasDriver(page).node('shot2')
      const select = shot2.getByTestId('kling-duration')
      expect(await select.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.text)).toMatch(
        /^15 s/,
      )
      expect(await select.getAttribute('aria-invalid')).toBe('true')
      expect(await run.state('shot2')).toBe('invalid')
      const meta = (await page.locator('[data-node-id="shot2"] .timeline-meta').textContent()) ?? ''
      expect(meta).not.toMatch(/\b0 s|\$0\.00/)
      const total = (await page.getByTestId('timeline-total').textContent()) ?? ''
      expect(total).toContain('shot2')
      const problem = (await shot2.getByTestId('node-issue').textContent()) ?? ''
      expect(problem).toContain('duration')
      const text = (await page.locator('body').textContent()) ?? ''
      expect(text.split(problem).length - 1).toBe(1)
      expect(text).not.toMatch(/nodes\[\d+\]/)
      await screenshot(page, 'run-results-duration-15')
    },
    SLOW,
  )

  it(
    'a run picked up by a reload: once it succeeded, the panel shows no stale estimate and the run list no running',
    async () => {
      const { page, url, server } = app()
      const run = runDriver(page)
      server.emulator.configure({ runLatencyMs: 1500 })
      await page.goto(`${url}/#three-shot-chain`)
      await expect.poll(() => canvasDriver(page).nodes().count(), { timeout: 15_000 }).toBe(9)
      await canvasDriver(page).node('prompt1').getByTestId('prompt-text').click()
      await page.keyboard.press('Control+End')
      await page.keyboard.type(' in the fog')
      await expect.poll(run.estimate, ESTIMATE_WAIT).toBe('3 shots to generate, $1.26')
      await page.getByTestId('run').click()
      await expect.poll(() => run.state('shot1'), { timeout: 30_000 }).toBe('running')
      await page.reload()
      await expect.poll(() => canvasDriver(page).nodes().count(), { timeout: 15_000 }).toBe(9)
      // Everything the panel says, each time it changes, until the run has ended and settled.
      await page.evaluate(() => {
        const seen: { status: string; estimate: string; listed: string }[] = []
        ;(window as unknown as { __panel: typeof seen }).__panel = seen
        const text = (selector: string) => document.querySelector(selector)?.textContent ?? ''
        new MutationObserver(() => {
          seen.push({
            status: text('[data-testid="run-status"]'),
            estimate: text('[data-testid="estimate"]'),
            listed: text('[data-testid="run-history-item"] .run-status'),
          })
        }).observe(document.body, { subtree: true, childList: true, characterData: true })
      })
      await expect.poll(run.runStatus, { timeout: 60_000 }).toBe('Last run succeeded, spent $1.26')
      await expect
        .poll(run.estimate, ESTIMATE_WAIT)
        .toBe('Everything is cached: a run costs nothing')
      await expect
        .poll(() =>
          page.locator('[data-testid="run-history-item"] .run-status').first().textContent(),
        )
        .toBe('succeeded')
      const seen = await page.evaluate(
        () =>
          (window as unknown as { __panel: { status: string; estimate: string; listed: string }[] })
            .__panel,
      )
      const after = seen.filter((s) => s.status.startsWith('Last run succeeded'))
      expect(after.length).toBeGreaterThan(0)
      for (const shown of after) {
        expect(shown.listed).toBe('succeeded')
        expect(['Estimating…', 'Everything is cached: a run costs nothing']).toContain(
          shown.estimate,
        )
      }
      server.emulator.configure({ runLatencyMs: 150 })
    },
    SLOW,
  )
})
