import type { Page } from 'playwright-core'
import { afterAll, describe, expect, it } from 'vitest'
import { seriousViolations } from './axe-driver.ts'
import { boxesOverlap, canvasDriver } from './canvas-driver.ts'
import { type AppHarness, STARTER, screenshot, useApp } from './harness.ts'
import { ESTIMATE_WAIT, runDriver } from './run-driver.ts'

const SLOW = 120_000

/**
 * The starter workflow on a page in a context of its own (axe's AxeBuilder opens a second page in
 * the page's context to put its results together, which a page from `browser.newPage` refuses),
 * recording every text the Run button shows from the first render on (`window.__runTexts`).
 */
async function openStarterInContext(app: AppHarness) {
  const context = await app.browser.newContext({ viewport: { width: 1400, height: 900 } })
  const page = await context.newPage()
  await page.addInitScript(() => {
    const seen: string[] = []
    ;(window as unknown as { __runTexts: string[] }).__runTexts = seen
    new MutationObserver(() => {
      const text = document.querySelector('[data-testid="run"]')?.textContent
      if (text && seen.at(-1) !== text) seen.push(text)
    }).observe(document, { subtree: true, childList: true, characterData: true })
  })
  await page.goto(`${app.url}/#${STARTER}`)
  await expect.poll(() => canvasDriver(page).nodes().count(), { timeout: 15_000 }).toBe(9)
  return { page, context }
}

/**
 * Every visible button, input, select and textarea whose computed colours are not the dark
 * theme's: a light surface (the browser's own grey button) or dark text. Relative luminance, as
 * WCAG computes it.
 */
function offThemeControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const luminance = (css: string) => {
      // rgb(0-255 …) or, from color-mix, color(srgb 0-1 …).
      const scale = css.startsWith('color(') ? 255 : 1
      const [r = 0, g = 0, b = 0, a = 1] = (css.match(/[\d.]+/g) ?? []).map(Number)
      const lin = (c: number) => {
        const s = (c * scale) / 255
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
      }
      return { value: 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b), alpha: a }
    }
    const off: string[] = []
    for (const element of document.querySelectorAll<HTMLElement>(
      'button, input:not([type="checkbox"]):not([type="file"]), select, textarea',
    )) {
      const box = element.getBoundingClientRect()
      if (box.width === 0 || box.height === 0) continue
      const style = getComputedStyle(element)
      const surface = luminance(style.backgroundColor)
      const text = luminance(style.color)
      const surfaceOk = surface.alpha === 0 || surface.value < 0.2
      if (!surfaceOk || text.value < 0.3)
        off.push(
          `${element.tagName} "${element.textContent?.trim() || element.getAttribute('aria-label')}": ${style.backgroundColor} / ${style.color}`,
        )
    }
    return off
  })
}

describe('accessibility (axe-core) and the finished look in Chromium', () => {
  const app = useApp()
  // One page for the file, in test order: the starter, then its run, then an edit that breaks it.
  let opened: Awaited<ReturnType<typeof openStarterInContext>> | undefined
  const starter = async () => {
    opened ??= await openStarterInContext(app())
    return opened
  }
  afterAll(() => opened?.context.close())

  it(
    'the minimap is quiet: small, borderless, see-through, and after a fit over no node',
    async () => {
      const { page } = await starter()
      const minimap = page.getByTestId('minimap')
      await expect.poll(() => minimap.count()).toBe(1)
      const box = await minimap.boundingBox()
      expect(box?.width).toBeLessThanOrEqual(160)
      expect(box?.height).toBeLessThanOrEqual(104)
      const look = await minimap.evaluate((svg) => {
        const style = getComputedStyle(svg)
        const alpha = style.backgroundColor.match(/[\d.]+/g)?.[3]
        return {
          border: style.borderTopWidth,
          backgroundAlpha: alpha === undefined ? 1 : Number(alpha),
          opacity: Number(style.opacity),
        }
      })
      expect(look.border).toBe('0px')
      expect(look.backgroundAlpha).toBeLessThan(0.7)
      expect(look.opacity).toBeLessThan(1)
      // Quiet also means out of the way: once the whole workflow is framed it covers no node. (It
      // opens at a legible zoom on its start, the rest beyond the view's right edge.)
      await canvasDriver(page).fitAll()
      const map = box as NonNullable<typeof box>
      for (const node of await canvasDriver(page).nodes().all()) {
        const n = await node.boundingBox()
        if (n === null) continue
        expect(
          !boxesOverlap(n, map),
          `${await node.getAttribute('data-node-id')} under the minimap`,
        ).toBe(true)
      }
    },
    SLOW,
  )

  it(
    'the editor, the run panel after a run and the timeline: no serious or critical violations, every control dark-themed, Run primary with its price',
    async () => {
      const { page } = await starter()
      const run = runDriver(page)
      const runButton = page.getByTestId('run')
      app().server.emulator.configure({ queueLatencyMs: 20, runLatencyMs: 50 })
      await expect.poll(run.estimate, ESTIMATE_WAIT).toBe('3 shots to generate, $1.26')
      // While the estimate was on its way the button said so; then the price of the run.
      await expect.poll(() => runButton.textContent()).toBe('Run · $1.26')
      const texts = await page.evaluate(
        () => (window as unknown as { __runTexts: string[] }).__runTexts,
      )
      expect(texts.at(-1)).toBe('Run · $1.26')
      expect(texts.indexOf('Run · …')).toBeGreaterThanOrEqual(0)
      expect(await runButton.getAttribute('class')).toBe('primary')
      expect(await seriousViolations(page)).toEqual([])
      expect(await offThemeControls(page)).toEqual([])
      // The palette and the saved workflows' menu, open.
      await page.getByTestId('add-node').click()
      await screenshot(page, 'accessibility-palette')
      expect(await seriousViolations(page, '[data-testid="palette"]')).toEqual([])
      await page.keyboard.press('Escape')
      await page.getByTestId('workflow-list-toggle').click()
      expect(await seriousViolations(page, '[data-testid="workflow-list"]')).toEqual([])
      await page.keyboard.press('Escape')

      await runButton.click()
      await expect.poll(run.runStatus, { timeout: 60_000 }).toBe('Last run succeeded, spent $1.26')
      await expect.poll(() => page.getByTestId('sequence-player').count()).toBe(1)
      await expect
        .poll(run.estimate, ESTIMATE_WAIT)
        .toBe('Everything is cached: a run costs nothing')
      await expect.poll(() => runButton.textContent()).toBe('Run · $0.00')
      // The run panel with a finished run, the run history and the timeline, with the editor.
      expect(await seriousViolations(page)).toEqual([])
      expect(await offThemeControls(page)).toEqual([])
      await screenshot(page, 'accessibility-after-run')
    },
    SLOW,
  )

  it(
    'keyboard focus shows the theme’s one ring, on the toolbar, the header and the run panel',
    async () => {
      const { page } = await starter()
      const focusColour = await page.evaluate(() => {
        const probe = document.createElement('span')
        probe.style.color = 'var(--sc-focus)'
        document.body.append(probe)
        const colour = getComputedStyle(probe).color
        probe.remove()
        return colour
      })
      const ringOf = () =>
        page.evaluate(() => {
          const style = getComputedStyle(document.activeElement as Element)
          return `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`
        })
      for (const from of ['add-node', 'workflow-list-toggle', 'budget']) {
        // Focus lands on the next control by the keyboard, as a person tabbing would see it.
        await page.getByTestId(from).focus()
        await page.keyboard.press('Tab')
        expect(await page.evaluate(() => document.activeElement?.tagName)).toMatch(/BUTTON|INPUT/)
        expect(await ringOf()).toBe(`solid 2px ${focusColour}`)
      }
    },
    SLOW,
  )

  it(
    'an invalid workflow: Run cannot be pressed and its accessible description says why',
    async () => {
      const { page } = await starter()
      const run = runDriver(page)
      const runButton = page.getByTestId('run')
      await canvasDriver(page).node('prompt2').getByTestId('prompt-text').click()
      await page.keyboard.press('Control+End')
      await page.keyboard.type(' until @Image2')
      await expect.poll(run.estimate, ESTIMATE_WAIT).toMatch(/^Cannot run yet/)
      expect(await runButton.isDisabled()).toBe(true)
      expect(await runButton.textContent()).toBe('Run')
      const description = await runButton.evaluate((button) =>
        (button.getAttribute('aria-describedby') ?? '')
          .split(' ')
          .map((id) => document.getElementById(id)?.textContent ?? '')
          .join(' '),
      )
      expect(description).toBe(await run.estimate())
      expect(description).toContain('shot2')
      // A problem said on its node, the node marked invalid, the panel pointing at it.
      expect(await seriousViolations(page)).toEqual([])
      await screenshot(page, 'accessibility-invalid')
      // The app's own notice, with its issues and buttons: a file that is no workflow.
      await page.getByTestId('import-file').setInputFiles({
        name: 'broken.json',
        mimeType: 'application/json',
        buffer: Buffer.from('{"nodes": 3}'),
      })
      await expect.poll(() => page.getByTestId('notice').count()).toBeGreaterThan(0)
      expect(await seriousViolations(page, '.notices')).toEqual([])
      await screenshot(page, 'accessibility-notice')
    },
    SLOW,
  )
})
