import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { openStarter, STARTER, useApp } from './harness.ts'

const SLOW = 180_000

type Positions = Record<string, [number, number]>

/** Saves with Ctrl+S and reads each node's position back from the server. */
async function savedPositions(page: Page, url: string): Promise<Positions> {
  await page.keyboard.press('Control+s')
  await expect.poll(() => page.getByTestId('save-state').textContent()).toBe('Saved')
  const saved = await (await fetch(`${url}/api/workflows/${STARTER}`)).json()
  const nodes = saved.doc.nodes as { id: string; position: [number, number] }[]
  return Object.fromEntries(nodes.map((n) => [n.id, n.position]))
}

describe('the canvas stays a picture of the document in Chromium', () => {
  const app = useApp()

  it(
    'with two nodes selected, Arrange, a group drag and its undo leave every node where the document says',
    async () => {
      const { page, canvas, url } = await openStarter(app())
      const before = await canvas.drawnPositions()

      // The second one clicked (the one Rete remembers as picked) comes later in the document.
      await canvas.select('prompt1', 'shot2')
      await expect.poll(() => page.locator('.sc-node.is-selected').count()).toBe(2)
      await page.getByTestId('arrange').click()
      // Arrange lays out with elkjs first: seconds when another test file shares the cores.
      await expect.poll(canvas.drawnPositions, { timeout: 15_000 }).not.toEqual(before)
      const arranged = await savedPositions(page, url)
      expect(await canvas.drawnPositions()).toEqual(arranged)

      // Ctrl held: dragging one selected node drags both, in one undo step.
      await page.keyboard.down('Control')
      await canvas.dragBy('shot2', 120, 60)
      await page.keyboard.up('Control')
      const dragged = await savedPositions(page, url)
      expect(dragged.shot2).not.toEqual(arranged.shot2)
      expect(dragged.prompt1).not.toEqual(arranged.prompt1)
      expect(await canvas.drawnPositions()).toEqual(dragged)

      await page.keyboard.press('Control+z')
      await expect.poll(canvas.drawnPositions).not.toEqual(dragged)
      expect(await savedPositions(page, url)).toEqual(arranged)
      expect(await canvas.drawnPositions()).toEqual(arranged)
      await page.close()
    },
    SLOW,
  )

  it(
    'a load leaves nothing selected, so Delete cannot remove nodes of the workflow just opened',
    async () => {
      const { page, canvas, url } = await openStarter(app())
      await canvas.select('prompt1', 'shot2')
      await expect.poll(() => page.locator('.sc-node.is-selected').count()).toBe(2)

      const file = await (await fetch(`${url}/api/workflows/${STARTER}`)).json()
      await page.getByTestId('import-file').setInputFiles({
        name: 'same-ids.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify({ ...file.doc, name: 'Same ids' })),
      })
      await expect.poll(() => page.getByTestId('workflow-name').inputValue()).toBe('Same ids')
      await expect.poll(() => page.locator('.sc-node.is-selected').count()).toBe(0)
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
      await page.keyboard.press('Delete')
      await page.waitForTimeout(200)
      expect(await canvas.nodes().count()).toBe(9)
      await page.close()
    },
    SLOW,
  )

  it(
    'an edit made while Arrange computes its layout is kept, and Arrange says it did not arrange',
    async () => {
      const { page, canvas } = await openStarter(app())
      await canvas.select('prompt2')
      const before = await canvas.drawnPositions()
      // Delete pressed in the same moment as the click: before the layout comes back.
      await page.evaluate(() => {
        document.querySelector<HTMLElement>('[data-testid="arrange"]')?.click()
        document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Delete', bubbles: true }))
      })
      await expect
        .poll(() => page.getByTestId('canvas-notice').textContent())
        .toMatch(/Not arranged/)
      expect(await canvas.nodes().count()).toBe(8)
      const { prompt2: _, ...rest } = before
      expect(await canvas.drawnPositions()).toEqual(rest)
      await page.close()
    },
    SLOW,
  )

  it(
    'a Ctrl released outside the window does not keep adding clicked nodes to the selection',
    async () => {
      const { page, canvas } = await openStarter(app())
      // Ctrl goes down in the page; its release happens in another window, unseen.
      await page.evaluate(() =>
        document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Control', bubbles: true })),
      )
      await canvas.node('prompt1').getByTestId('title').click()
      await canvas.node('shot1').getByTestId('title').click()
      await expect.poll(() => page.locator('.sc-node.is-selected').count()).toBe(1)
      expect(await canvas.node('shot1').getAttribute('class')).toContain('is-selected')
      await page.close()
    },
    SLOW,
  )
})
