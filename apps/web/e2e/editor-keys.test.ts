import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { openStarter, useApp } from './harness.ts'
import { KLING, runDriver } from './run-driver.ts'

const SLOW = 180_000

const clipboardText = (page: Page) => page.evaluate(() => navigator.clipboard.readText())
const writeClipboard = (page: Page, text: string) =>
  page.evaluate((t) => navigator.clipboard.writeText(t), text)

describe('the editor’s keys and menus in Chromium', () => {
  const app = useApp()

  it(
    'Shift+A opens the palette, Ctrl+Y redoes, Ctrl+D duplicates, Ctrl+Enter runs towards the selection',
    async () => {
      const { page, canvas } = await openStarter(app(), { clipboard: true })
      const run = runDriver(page)
      const submits = () => app().server.emulator.stats().submits[KLING] ?? 0

      await canvas.select('shot1')
      const before = submits()
      await page.keyboard.press('Control+Enter')
      await expect.poll(() => run.state('shot1'), { timeout: 60_000 }).toBe('succeeded')
      expect(submits() - before).toBe(1)
      expect(await run.state('shot2')).not.toBe('succeeded')

      await page.keyboard.press('Shift+A')
      await expect.poll(() => page.getByTestId('palette').count()).toBe(1)
      await page.keyboard.type('prompt')
      await page.keyboard.press('Enter')
      await expect.poll(() => canvas.node('prompt-1').count()).toBe(1)
      await page.keyboard.press('Control+z')
      await expect.poll(() => canvas.node('prompt-1').count()).toBe(0)
      await page.keyboard.press('Control+y')
      await expect.poll(() => canvas.node('prompt-1').count()).toBe(1)

      await canvas.select('shot2')
      await page.keyboard.press('Control+d')
      await expect.poll(() => canvas.node('shot-1').getAttribute('class')).toContain('is-selected')
      expect(await canvas.nodes().count()).toBe(11)
      await page.close()
    },
    SLOW,
  )

  it(
    'with a select focused, Ctrl+Z, Ctrl+Y and Delete are the editor’s',
    async () => {
      const { page, canvas } = await openStarter(app(), { clipboard: true })
      const duration = canvas.node('shot2').getByTestId('kling-duration')
      const first = await duration.inputValue()
      const other = first === '10' ? '5' : '10'
      await canvas.select('shot2')
      await duration.focus()
      await duration.selectOption(other)
      await duration.focus()
      await page.keyboard.press('Control+z')
      await expect.poll(() => duration.inputValue()).toBe(first)
      await page.keyboard.press('Control+y')
      await expect.poll(() => duration.inputValue()).toBe(other)
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('SELECT')
      await page.keyboard.press('Delete')
      await expect.poll(() => canvas.node('shot2').count()).toBe(0)
      await page.close()
    },
    SLOW,
  )

  it(
    'a right click in a text field or a select keeps the browser’s menu; on a node it opens ours',
    async () => {
      const { page, canvas } = await openStarter(app(), { clipboard: true })
      await page.evaluate(() => {
        window.addEventListener('contextmenu', (e) => {
          document.body.dataset.menuPrevented = String(e.defaultPrevented)
        })
      })
      const prevented = () => page.evaluate(() => document.body.dataset.menuPrevented)
      const menus = () => page.getByTestId('context-menu').count()
      for (const field of [
        canvas.node('prompt1').getByTestId('prompt-text'),
        canvas.node('shot1').getByTestId('kling-duration'),
      ]) {
        await field.click({ button: 'right' })
        expect(await prevented()).toBe('false')
        expect(await menus()).toBe(0)
        await page.keyboard.press('Escape')
      }
      await canvas.node('prompt1').getByTestId('title').click({ button: 'right' })
      expect(await prevented()).toBe('true')
      expect(await menus()).toBe(1)
      await page.close()
    },
    SLOW,
  )

  it(
    'keys act only with focus in the editor; Ctrl+C leaves selected text and an empty selection to the browser; Ctrl+V pastes what the clipboard holds',
    async () => {
      const { page, canvas } = await openStarter(app(), { clipboard: true })

      // Delete with focus on a header button deletes nothing.
      await canvas.select('prompt1')
      await page.getByRole('button', { name: 'Export' }).focus()
      await page.keyboard.press('Delete')
      await page.waitForTimeout(200)
      expect(await canvas.node('prompt1').count()).toBe(1)

      // Ctrl+C on nodes copies them; with nothing selected it leaves the clipboard alone.
      await canvas.select('prompt1')
      await page.keyboard.press('Control+c')
      await expect.poll(() => clipboardText(page)).toContain('"shotchain.clip"')
      await writeClipboard(page, 'words from elsewhere')
      await canvas.clickBackground()
      await page.keyboard.press('Control+c')
      await page.waitForTimeout(200)
      expect(await clipboardText(page)).toBe('words from elsewhere')

      // Text selected in the page (a notice) is what Ctrl+C copies, even with a node selected.
      await page.getByTestId('import-file').setInputFiles({
        name: 'broken.json',
        mimeType: 'application/json',
        buffer: Buffer.from('{"format":"shotchain.workflow"'),
      })
      const notice = page.getByTestId('notice').locator('p')
      await expect.poll(() => notice.count()).toBe(1)
      await canvas.select('prompt2')
      await notice.selectText()
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
      await page.keyboard.press('Control+c')
      await expect.poll(() => clipboardText(page)).toBe(await notice.textContent())

      // Ctrl+V reads the system clipboard: a clip copied in another tab pastes here.
      const clip = {
        format: 'shotchain.clip',
        nodes: [
          {
            id: 'prompt9',
            type: 'prompt',
            position: [0, 0],
            params: { text: 'from another tab' },
          },
        ],
        edges: [],
      }
      await writeClipboard(page, JSON.stringify(clip))
      await canvas.clickBackground()
      await page.keyboard.press('Control+v')
      await expect.poll(() => canvas.node('prompt-1').count()).toBe(1)
      expect(await canvas.node('prompt-1').getByTestId('prompt-text').inputValue()).toBe(
        'from another tab',
      )
      await page.close()
    },
    SLOW,
  )
})
