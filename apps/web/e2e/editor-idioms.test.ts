import { shortcutSheet } from '@shotchain/editor'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { openStarter, screenshot, useApp } from './harness.ts'

const SLOW = 120_000

/** A chain of 30 shots from one image, each with its prompt, into one sequence and output. */
function thirtyShots() {
  const nodes: unknown[] = [
    {
      id: 'image',
      type: 'image-source',
      position: [40, 0],
      params: { path: 'images/harbour.jpg' },
    },
  ]
  const edges: unknown[] = []
  const edge = (id: string, from: string, to: string, order?: number) => {
    const [fromNode, fromPort] = from.split('.')
    const [toNode, toPort] = to.split('.')
    edges.push({
      id,
      from: { node: fromNode, port: fromPort },
      to: { node: toNode, port: toPort },
      ...(order === undefined ? {} : { order }),
    })
  }
  for (let k = 1; k <= 30; k++) {
    const x = 340 + 600 * (k - 1)
    nodes.push(
      { id: `prompt${k}`, type: 'prompt', position: [x - 300, 380], params: { text: `Shot ${k}` } },
      { id: `shot${k}`, type: 'kling-o1-i2v', position: [x, 0], params: { duration: 5 } },
    )
    edge(`start${k}`, k === 1 ? 'image.image' : `shot${k - 1}.lastFrame`, `shot${k}.start`)
    edge(`prompt${k}`, `prompt${k}.text`, `shot${k}.prompt`)
    edge(`clip${k}`, `shot${k}.video`, 'sequence.clips', k)
  }
  nodes.push(
    { id: 'sequence', type: 'sequence', position: [18_340, 0], params: {} },
    { id: 'out', type: 'output', position: [18_660, 0], params: { name: 'thirty-shots' } },
  )
  edge('final', 'sequence.video', 'out.video')
  return { format: 'shotchain.workflow', version: 1, name: 'Thirty shots', nodes, edges }
}

/** The ids of the selected nodes, from their cards. */
const selectedIds = (page: Page) =>
  page
    .locator('[data-testid="node"].is-selected')
    .evaluateAll((cards) => cards.map((c) => (c as HTMLElement).dataset.nodeId).sort())

/** A screen box of an element, failing when it is not on screen. */
async function boxOf(page: Page, selector: string) {
  const box = await page.locator(selector).boundingBox()
  if (box === null) throw new Error(`not on screen: ${selector}`)
  return box
}

/**
 * The on-screen font size of each drawn node body's text (its computed size times the zoom the
 * card is really drawn at), and whether each node's card is inside the canvas, by id.
 */
function bodyText(page: Page) {
  return page.evaluate(() => {
    const canvas = document.querySelector('[data-testid="canvas"]')?.getBoundingClientRect()
    if (canvas === undefined) throw new Error('no canvas')
    const sizes: number[] = []
    const inView: Record<string, boolean> = {}
    for (const card of document.querySelectorAll<HTMLElement>('[data-testid="node"]')) {
      const box = card.getBoundingClientRect()
      inView[card.dataset.nodeId ?? ''] =
        box.left >= canvas.left &&
        box.right <= canvas.right &&
        box.top >= canvas.top &&
        box.bottom <= canvas.bottom
      const body = card.querySelector('.sc-node__body')
      if (body === null || box.right < canvas.left || box.left > canvas.right) continue
      const scale = box.width / card.offsetWidth
      sizes.push(Number.parseFloat(getComputedStyle(body).fontSize) * scale)
    }
    return { sizes, inView }
  })
}

describe('canvas idioms of issue 15 in Chromium', () => {
  const app = useApp()

  it(
    'opens a workflow at a zoom where node text is legible, on its start: the starter and 30 shots',
    async () => {
      const { page } = await openStarter(app())
      /** Every drawn body's text is legible; the first nodes are in view, the last are not. */
      const expectOpenedOnStart = async (first: string, last: string) => {
        // Bodies are drawn a few per frame after the cards.
        await expect.poll(async () => (await bodyText(page)).sizes.length).toBeGreaterThan(2)
        const { sizes, inView } = await bodyText(page)
        for (const size of sizes) expect(size).toBeGreaterThanOrEqual(11 - 1e-3)
        expect(inView[first]).toBe(true)
        expect(inView[last]).toBe(false)
        expect(await page.getByTestId('minimap').isVisible()).toBe(true)
      }
      await expectOpenedOnStart('image', 'out')
      await screenshot(page, 'idioms-starter-opened')

      await page.getByTestId('import-file').setInputFiles({
        name: 'thirty-shots.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(thirtyShots())),
      })
      await expect.poll(() => page.locator('[data-testid="node"]').count()).toBe(63)
      await expectOpenedOnStart('shot1', 'shot30')
      await screenshot(page, 'idioms-thirty-shots-opened')
      await page.close()
    },
    SLOW,
  )

  it(
    'a next shot and a duplicate land beside their source, on no other node, and the view pans to show them',
    async () => {
      const { page, canvas } = await openStarter(app(), { clipboard: true })
      const screen = await boxOf(page, '[data-testid="canvas"]')
      const cardBox = (id: string) => boxOf(page, `[data-testid="node"][data-node-id="${id}"]`)
      const inside = async (id: string) => {
        const box = await cardBox(id)
        return (
          box.x >= screen.x &&
          box.y >= screen.y &&
          box.x + box.width <= screen.x + screen.width &&
          box.y + box.height <= screen.y + screen.height
        )
      }
      /** The other cards whose drawn box shares a point with this one's. */
      const coveredBy = (id: string) =>
        page.evaluate((own) => {
          const boxOfCard = (card: Element) => card.getBoundingClientRect()
          const cards = [...document.querySelectorAll<HTMLElement>('[data-testid="node"]')]
          const mine = cards.find((c) => c.dataset.nodeId === own)
          if (mine === undefined) throw new Error(`no ${own}`)
          const a = boxOfCard(mine)
          return cards
            .filter((c) => c !== mine)
            .filter((c) => {
              const b = boxOfCard(c)
              return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom
            })
            .map((c) => c.dataset.nodeId)
        }, id)

      // shot2 is the last shot on screen: its next shot goes one shot further right, off it.
      await canvas.node('shot2').getByTestId('add-next-shot').click()
      await expect.poll(() => canvas.node('shot-1').count()).toBe(1)
      await expect.poll(() => inside('shot-1')).toBe(true)
      expect(await coveredBy('shot-1')).toEqual([])

      // A duplicate of shot1 goes on its right, in the gap before shot2, not over shot1.
      await canvas.select('shot1')
      await page.keyboard.press('Control+d')
      await expect.poll(() => canvas.node('shot-2').count()).toBe(1)
      await expect.poll(() => inside('shot-2')).toBe(true)
      expect(await coveredBy('shot-2')).toEqual([])
      const [original, copy] = [await cardBox('shot1'), await cardBox('shot-2')]
      expect(copy.x).toBeGreaterThan(original.x + original.width)
      expect(copy.y).toBeCloseTo(original.y, 0)
      await page.close()
    },
    SLOW,
  )

  it(
    'Ctrl+V of an image fills the selected image node, or makes an image node at the view’s centre; copied nodes still paste',
    async () => {
      const { page, canvas } = await openStarter(app(), { clipboard: true })
      // A real PNG on the system clipboard, pasted with the keys a person presses.
      const copyImage = () =>
        page.evaluate(async () => {
          const picture = document.createElement('canvas')
          picture.width = 400
          picture.height = 320
          const paint = picture.getContext('2d')
          if (paint === null) throw new Error('no 2d context')
          paint.fillStyle = '#3a7'
          paint.fillRect(0, 0, 400, 320)
          const png = await new Promise<Blob | null>((done) => picture.toBlob(done, 'image/png'))
          if (png === null) throw new Error('no png')
          await navigator.clipboard.write([new ClipboardItem({ 'image/png': png })])
        })
      const name = () => canvas.node('image').locator('.sc-image__name').textContent()
      expect(await name()).not.toBe('image.png')

      await copyImage()
      await canvas.select('image')
      await page.keyboard.press('Control+v')
      await expect.poll(name, { timeout: 15_000 }).toBe('image.png')
      expect(await canvas.nodes().count()).toBe(9)

      // Nothing selected: a new image node, its corner at the middle of the view.
      await canvas.clickBackground()
      await page.keyboard.press('Control+v')
      await expect.poll(() => canvas.node('image-1').count(), { timeout: 15_000 }).toBe(1)
      const view = await boxOf(page, '[data-testid="canvas"]')
      const made = await boxOf(page, '[data-testid="node"][data-node-id="image-1"]')
      expect(Math.abs(made.x - (view.x + view.width / 2))).toBeLessThan(2)
      expect(Math.abs(made.y - (view.y + view.height / 2))).toBeLessThan(2)
      await expect
        .poll(() => canvas.node('image-1').locator('.sc-image__name').textContent())
        .toBe('image.png')

      // The editor's own clipboard: copied nodes paste as nodes.
      await canvas.select('prompt1')
      await page.keyboard.press('Control+c')
      await page.keyboard.press('Control+v')
      await expect.poll(() => canvas.node('prompt-1').count()).toBe(1)
      expect(await canvas.nodes().count()).toBe(11)
      await page.close()
    },
    SLOW,
  )

  it(
    'Shift+drag or Ctrl+drag on empty canvas draws a marquee that selects what it touches; Shift adds; a plain drag pans',
    async () => {
      const { page } = await openStarter(app())
      const card = (id: string) => boxOf(page, `[data-testid="node"][data-node-id="${id}"]`)
      const shot1 = await card('shot1')
      const shot2 = await card('shot2')
      // From empty canvas above shot1 to inside shot2's top-left corner.
      const from = { x: shot1.x + 10, y: shot1.y - 20 }
      const to = { x: shot2.x + 10, y: shot2.y + 10 }
      expect(
        await page.evaluate(
          ({ x, y }) => document.elementFromPoint(x, y)?.closest('[data-node-id]') === null,
          from,
        ),
      ).toBe(true)
      await page.keyboard.down('Shift')
      await page.mouse.move(from.x, from.y)
      await page.mouse.down()
      await page.mouse.move(to.x, to.y, { steps: 8 })
      const drawn = await boxOf(page, '[data-testid="marquee"]')
      expect(drawn.x).toBeCloseTo(from.x, 0)
      expect(drawn.y).toBeCloseTo(from.y, 0)
      expect(drawn.x + drawn.width).toBeCloseTo(to.x, 0)
      expect(drawn.y + drawn.height).toBeCloseTo(to.y, 0)
      await page.mouse.up()
      await page.keyboard.up('Shift')
      expect(await page.getByTestId('marquee').count()).toBe(0)
      await expect.poll(() => selectedIds(page)).toEqual(['shot1', 'shot2'])

      // Ctrl+drag over the image node alone: the selection is that node.
      const image = await card('image')
      await page.keyboard.down('Control')
      await page.mouse.move(image.x - 15, image.y - 15)
      await page.mouse.down()
      await page.mouse.move(image.x + 20, image.y + 20, { steps: 5 })
      await page.mouse.up()
      await page.keyboard.up('Control')
      await expect.poll(() => selectedIds(page)).toEqual(['image'])

      // Shift+drag over shot2: added to the selection.
      await page.keyboard.down('Shift')
      await page.mouse.move(shot2.x + 20, shot2.y - 15)
      await page.mouse.down()
      await page.mouse.move(shot2.x + 40, shot2.y + 20, { steps: 5 })
      await page.mouse.up()
      await page.keyboard.up('Shift')
      await expect.poll(() => selectedIds(page)).toEqual(['image', 'shot2'])

      // A plain drag on empty canvas pans, as before.
      await page.mouse.move(from.x, from.y)
      await page.mouse.down()
      await page.mouse.move(from.x + 100, from.y + 60, { steps: 5 })
      await page.mouse.up()
      const moved = await card('shot1')
      expect(moved.x - shot1.x).toBeCloseTo(100, 0)
      expect(moved.y - shot1.y).toBeCloseTo(60, 0)
      await page.close()
    },
    SLOW,
  )

  it(
    '? and the toolbar’s Shortcuts open a sheet of every key; Escape closes it and focus comes back',
    async () => {
      const { page, canvas } = await openStarter(app())
      const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
      await page.keyboard.press('?')
      await expect.poll(() => sheet.isVisible()).toBe(true)
      const text = (await sheet.textContent()) ?? ''
      for (const row of shortcutSheet(false)) {
        expect(text).toContain(row.label)
        for (const keys of row.keys) expect(text).toContain(keys)
      }
      // Focus is in the sheet and stays there; the canvas's keys do not reach the nodes.
      const inSheet = () => sheet.evaluate((d) => d.contains(document.activeElement))
      expect(await inSheet()).toBe(true)
      for (let k = 0; k < 3; k++) {
        await page.keyboard.press('Tab')
        expect(await inSheet()).toBe(true)
      }
      await page.keyboard.press('Shift+Tab')
      expect(await inSheet()).toBe(true)
      await page.keyboard.press('Escape')
      await expect.poll(() => sheet.count()).toBe(0)

      // From the toolbar, with a node selected: Delete in the sheet deletes nothing.
      const button = page.getByRole('button', { name: 'Shortcuts' })
      await canvas.select('shot1')
      await button.click()
      await expect.poll(() => sheet.isVisible()).toBe(true)
      await page.keyboard.press('Delete')
      expect(await canvas.node('shot1').count()).toBe(1)
      await page.keyboard.press('Escape')
      await expect.poll(() => sheet.count()).toBe(0)
      expect(await button.evaluate((b) => b === document.activeElement)).toBe(true)
      await page.close()
    },
    SLOW,
  )
})
