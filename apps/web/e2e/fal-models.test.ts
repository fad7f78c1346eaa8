import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { canvasDriver } from './canvas-driver.ts'
import { screenshot, useApp } from './harness.ts'
import { ESTIMATE_WAIT, runDriver } from './run-driver.ts'

const SLOW = 240_000
const FLUX = 'fal:fal-ai/flux/schnell'
const KLING_25 = 'fal:fal-ai/kling-video/v2.5-turbo/pro/image-to-video'

interface SavedDoc {
  nodes: { id: string; type: string; params: Record<string, unknown> }[]
  edges: { from: { node: string; port: string }; to: { node: string; port: string } }[]
}

/** Saves with Ctrl+S and reads the open workflow back from the server. */
async function savedDoc(page: Page, url: string): Promise<SavedDoc> {
  await canvasDriver(page).clickBackground()
  await page.keyboard.press('Control+s')
  await expect.poll(() => page.getByTestId('save-state').textContent()).toBe('Saved')
  const id = decodeURIComponent(new URL(page.url()).hash.slice(1))
  const saved = (await (await fetch(`${url}/api/workflows/${id}`)).json()) as { doc: SavedDoc }
  return saved.doc
}

const link = (e: SavedDoc['edges'][number]) =>
  `${e.from.node}.${e.from.port} → ${e.to.node}.${e.to.port}`

/** How far each model node's drawn content is from filling its body exactly (0: it does). */
const bodyMisfits = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-node-type^="fal:"] .sc-node__body')].map(
      (body) => {
        const content = body.querySelector<HTMLElement>('.sc-model')
        const bottomPadding = Number.parseFloat(getComputedStyle(body).paddingBottom)
        return body.clientHeight - bottomPadding - (content?.offsetHeight ?? 0)
      },
    ),
  )

describe('fal catalog models in the editor, in Chromium', () => {
  const app = useApp()

  it(
    'groups the palette with prices, chains FLUX schnell → Kling O1 → its next shot → Kling 2.5 Turbo, and runs it on the emulator',
    async () => {
      const { url, browser, server } = app()
      const page = await browser.newPage({ viewport: { width: 1900, height: 1000 } })
      const canvas = canvasDriver(page)
      const run = runDriver(page)
      await page.goto(url)
      await canvas.newWorkflow()
      await expect.poll(() => canvas.nodes().count()).toBe(0)

      // The palette: what nodes make, as headings, each entry with its price for defaults.
      await page.getByTestId('add-node').click()
      const headings = page.locator('.sc-palette__heading')
      expect((await headings.allTextContents()).slice(0, 3)).toEqual(['Image', 'Edit', 'Video'])
      // Offline, the palette says which models need a key.
      expect(await page.getByTestId('palette-add-by-id').textContent()).toMatch(/FAL_KEY/)
      await screenshot(page, 'fal-models-palette')
      const flux = page.getByTestId(`palette-item-${FLUX}`)
      expect(await flux.getByTestId('palette-price').textContent()).toBe('$0.003')
      expect(await flux.textContent()).toContain('text to image')
      const prompt = page.getByTestId('palette-item-prompt')
      expect(await prompt.getByTestId('palette-price').count()).toBe(0)
      await page.getByTestId('palette-search').fill('schnell')
      expect(await headings.allTextContents()).toEqual(['Image'])
      // Arrows walk across groups; Escape closes without adding.
      await page.getByTestId('palette-search').fill('kling')
      await page.keyboard.press('ArrowDown')
      expect(await page.locator('.sc-palette__list .is-active').getAttribute('data-testid')).toBe(
        `palette-item-${KLING_25}`,
      )
      await page.keyboard.press('Escape')
      await expect.poll(() => page.getByTestId('palette').count()).toBe(0)

      await canvas.place([
        ['schnell', 'image-1', 20, 60],
        ['kling', 'shot-1', 320, 60],
        ['prompt', 'prompt-1', 320, 440],
      ])
      expect(await canvas.node('image-1').getAttribute('data-node-type')).toBe(FLUX)
      await canvas.node('image-1').getByTestId('model-field-prompt').fill('a harbour at dusk, wide')
      await canvas.node('image-1').getByTestId('model-field-num_inference_steps').fill('2')
      expect(await canvas.node('image-1').getByTestId('model-cost').textContent()).toBe('$0.003')
      await canvas.connect(['image-1', 'image'], ['shot-1', 'start'])
      await canvas.connect(['prompt-1', 'text'], ['shot-1', 'prompt'])
      await canvas.node('prompt-1').getByTestId('prompt-text').click()
      await page.keyboard.type('@Image1: the camera glides low over the harbour')
      await canvas.clickBackground()

      // Add next shot on Kling O1, then a Kling 2.5 Turbo shot from its last frame.
      await canvas.node('shot-1').getByTestId('add-next-shot').click()
      await expect.poll(() => canvas.node('shot-2').count()).toBe(1)
      await canvas.node('prompt-2').getByTestId('prompt-text').click()
      await page.keyboard.press('End')
      await page.keyboard.type('the lighthouse beam sweeps')
      await canvas.place([['kling 2.5', 'shot-3', 1240, 60]])
      const turbo = canvas.node('shot-3')
      expect(await turbo.getAttribute('data-node-type')).toBe(KLING_25)
      await canvas.connect(['shot-2', 'lastFrame'], ['shot-3', 'image'])
      await turbo.getByTestId('model-field-prompt').fill('the boats rock as rain starts')
      expect(await turbo.getByTestId('model-cost').textContent()).toBe('$0.35')
      await turbo.getByTestId('model-field-duration').selectOption('10')
      await expect.poll(() => turbo.getByTestId('model-cost').textContent()).toBe('$0.70')
      await turbo.getByTestId('model-field-duration').selectOption('5')
      expect(await turbo.getByRole('textbox', { name: 'Negative Prompt' }).inputValue()).toBe(
        'blur, distort, and low quality',
      )
      await expect.poll(() => canvas.connections().count()).toBe(5)
      expect(await bodyMisfits(page)).toEqual([0, 0])

      // "Add next shot" on the generated model: the same model from its last frame; undone.
      await turbo.getByTestId('add-next-shot').click()
      await expect.poll(() => canvas.node('shot-4').getAttribute('data-node-type')).toBe(KLING_25)
      await expect.poll(() => canvas.connections().count()).toBe(6)
      await canvas.clickBackground()
      await page.keyboard.press('Control+z')
      await expect.poll(() => canvas.node('shot-4').count()).toBe(0)
      await screenshot(page, 'fal-models-chain')

      const doc = await savedDoc(page, url)
      expect(Object.fromEntries(doc.nodes.map((n) => [n.id, n.type]))).toEqual({
        'image-1': FLUX,
        'shot-1': 'kling-o1-i2v',
        'prompt-1': 'prompt',
        'shot-2': 'kling-o1-i2v',
        'prompt-2': 'prompt',
        'shot-3': KLING_25,
      })
      expect(doc.edges.map(link).sort()).toEqual(
        [
          'image-1.image → shot-1.start',
          'prompt-1.text → shot-1.prompt',
          'shot-1.lastFrame → shot-2.start',
          'prompt-2.text → shot-2.prompt',
          'shot-2.lastFrame → shot-3.image',
        ].sort(),
      )
      const params = (id: string) => doc.nodes.find((n) => n.id === id)?.params
      expect(params('image-1')).toMatchObject({
        prompt: 'a harbour at dusk, wide',
        num_inference_steps: 2,
        image_size: 'landscape_4_3',
      })
      expect(params('shot-3')).toMatchObject({
        prompt: 'the boats rock as rain starts',
        duration: '5',
      })

      // The run, on the embedded fal emulator: three shots and a start frame, each paid once.
      await expect.poll(run.estimate, ESTIMATE_WAIT).toBe('3 shots to generate, $1.19')
      await page.getByTestId('run').click()
      await expect.poll(run.runStatus, { timeout: 120_000 }).toBe('Last run succeeded, spent $1.19')
      const submits = server.emulator.stats().submits
      expect(submits['fal-ai/flux/schnell']).toBe(1)
      expect(submits['fal-ai/kling-video/v2.5-turbo/pro/image-to-video']).toBe(1)
      await expect.poll(() => canvas.node('image-1').getByTestId('model-image').count()).toBe(1)
      await expect.poll(() => turbo.getByTestId('model-video').count()).toBe(1)
      await screenshot(page, 'fal-models-run')
      await page.close()
    },
    SLOW,
  )
})
