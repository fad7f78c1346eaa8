import { makePng } from '@shotchain/fal-emulator/testing'
import { describe, expect, it } from 'vitest'
import { canvasDriver } from './canvas-driver.ts'
import { type AppHarness, screenshot, useApp } from './harness.ts'

const SLOW = 180_000

describe('editing the starter workflow in Chromium', () => {
  const app = useApp()

  it(
    'adds the next shot into the sequence as one undo step, duplicates, copies, deletes a multi-selection, arranges and fits',
    async () => {
      const { page, url } = app()
      const canvas = canvasDriver(page)
      await page.goto(`${url}/#three-shot-chain`)
      await expect.poll(() => canvas.nodes().count(), { timeout: 15_000 }).toBe(9)
      await expect.poll(() => canvas.connections().count()).toBe(10)
      await canvas.fitAll()
      const clips = () =>
        canvas.node('sequence').locator('[data-testid="input-clips"]').allTextContents()

      // Add next shot: a prompt and a shot wired from shot3's last frame, last in the sequence.
      await canvas.node('shot3').getByTestId('add-next-shot').click()
      await expect.poll(() => canvas.nodes().count()).toBe(11)
      await expect.poll(() => canvas.connections().count()).toBe(13)
      await expect
        .poll(clips)
        .toEqual([
          expect.stringContaining('1. shot1'),
          expect.stringContaining('2. shot2'),
          expect.stringContaining('3. shot3'),
          expect.stringContaining('4. shot-1'),
          expect.stringContaining('next clip'),
        ])
      await screenshot(page, 'editor-next-shot')
      await canvas.clickBackground()
      await page.keyboard.press('Control+z')
      await expect.poll(() => canvas.nodes().count()).toBe(9)
      await expect.poll(() => canvas.connections().count()).toBe(10)

      // Context menu on a node: Duplicate selects the copy; Delete removes it.
      await canvas.node('prompt2').getByTestId('title').click({ button: 'right' })
      await page.getByRole('menuitem', { name: /Duplicate/ }).click()
      await expect.poll(() => canvas.nodes().count()).toBe(10)
      await expect
        .poll(() => canvas.node('prompt-1').getAttribute('class'))
        .toContain('is-selected')
      await page.keyboard.press('Delete')
      await expect.poll(() => canvas.nodes().count()).toBe(9)

      // Copy and paste keep the copied node's params under a new id.
      await canvas.node('prompt1').getByTestId('title').click()
      await page.keyboard.press('Control+c')
      await page.keyboard.press('Control+v')
      await expect.poll(() => canvas.node('prompt-1').count()).toBe(1)
      await expect
        .poll(() => canvas.node('prompt-1').getByTestId('prompt-text').inputValue())
        .toBe(await canvas.node('prompt1').getByTestId('prompt-text').inputValue())

      // Ctrl+click selects a second node; Delete removes both in one undo step.
      await canvas
        .node('prompt1')
        .getByTestId('title')
        .click({ modifiers: ['Control'] })
      await page.keyboard.press('Delete')
      await expect.poll(() => canvas.nodes().count()).toBe(8)
      await page.keyboard.press('Control+z')
      await expect.poll(() => canvas.nodes().count()).toBe(10)

      // Arrange leaves no two nodes overlapping; F brings every node into view.
      await page.getByTestId('arrange').click()
      await expect.poll(() => overlaps(page), { timeout: 15_000 }).toBe(0)
      await page.getByTestId('fit').click()
      await canvas.clickBackground()
      await page.keyboard.press('f')
      await expect.poll(() => outsideCanvas(page)).toBe(0)
      await screenshot(page, 'editor-arranged')
    },
    SLOW,
  )

  it(
    'marks a dropped image that fal would refuse (200×200) with its size and a warning',
    async () => {
      const { page, url } = app()
      const canvas = canvasDriver(page)
      await page.goto(url)
      await canvas.newWorkflow()
      await expect.poll(() => canvas.nodes().count()).toBe(0)
      const box = await page.getByTestId('canvas').boundingBox()
      if (box === null) throw new Error('no canvas')
      await canvas.dropFiles([{ name: 'tiny.png', type: 'image/png', bytes: makePng(200, 200) }], {
        x: box.x + 200,
        y: box.y + 150,
      })
      await expect.poll(() => canvas.nodes().count(), { timeout: 15_000 }).toBe(1)
      const node = canvas.nodes().first()
      // Named as the palette names a new node.
      expect(await node.getAttribute('data-node-id')).toBe('image-1')
      await expect.poll(() => node.getByTestId('image-size').textContent()).toBe('200×200')
      await expect.poll(() => node.getByTestId('image-warning').count()).toBe(1)
      expect(await node.getByTestId('image-warning').getAttribute('title')).toContain('300 px')
      await screenshot(page, 'editor-small-image')
    },
    SLOW,
  )
})

/** How many pairs of drawn nodes overlap on screen. */
function overlaps(page: AppHarness['page']): Promise<number> {
  return page.evaluate(() => {
    const boxes = [...document.querySelectorAll('[data-testid="node"]')].map((n) =>
      n.getBoundingClientRect(),
    )
    let count = 0
    for (let a = 0; a < boxes.length; a++)
      for (let b = a + 1; b < boxes.length; b++) {
        const p = boxes[a] as DOMRect
        const q = boxes[b] as DOMRect
        if (p.left < q.right && q.left < p.right && p.top < q.bottom && q.top < p.bottom) count++
      }
    return count
  })
}

/** How many drawn nodes reach outside the canvas. */
function outsideCanvas(page: AppHarness['page']): Promise<number> {
  return page.evaluate(() => {
    const area = document.querySelector('[data-testid="canvas"]')?.getBoundingClientRect()
    if (area === undefined) return -1
    return [...document.querySelectorAll('[data-testid="node"]')].filter((n) => {
      const r = n.getBoundingClientRect()
      return (
        r.left < area.left || r.top < area.top || r.right > area.right || r.bottom > area.bottom
      )
    }).length
  })
}
