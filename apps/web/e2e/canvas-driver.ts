import type { Locator, Page } from 'playwright-core'
import { expect } from 'vitest'

/** A box on the page, as `boundingBox()` gives it. */
export interface ScreenBox {
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
}

/** Whether two boxes on the page cover a common area (touching edges do not). */
export const boxesOverlap = (a: ScreenBox, b: ScreenBox) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height

/** Mouse-and-keyboard moves on the editor canvas, as a person makes them. */
export function canvasDriver(page: Page) {
  const node = (id: string): Locator => page.locator(`[data-testid="node"][data-node-id="${id}"]`)
  const socket = (id: string, side: 'input' | 'output', port: string): Locator =>
    node(id).locator(`[data-socket-side="${side}"][data-socket-port="${port}"]`).first()
  const centre = async (locator: Locator) => {
    const box = await locator.boundingBox()
    if (box === null) throw new Error(`not on screen: ${locator}`)
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 }
  }
  const drag = async (from: { x: number; y: number }, to: { x: number; y: number }) => {
    await page.mouse.move(from.x, from.y)
    await page.mouse.down()
    await page.mouse.move(to.x, to.y, { steps: 12 })
    await page.mouse.up()
  }
  return {
    node,
    socket,
    nodes: () => page.locator('[data-testid="node"]'),
    connections: () => page.locator('[data-testid="connection"] path'),
    /** Opens the palette with Shift+A, searches, and adds the first match with Enter. */
    async addFromPalette(query: string) {
      await page.getByTestId('add-node').click()
      await page.getByTestId('palette-search').fill(query)
      await page.keyboard.press('Enter')
    },
    /** Drags a node by its title so its top-left corner lands at (x, y) inside the canvas. */
    async moveNode(id: string, x: number, y: number) {
      const canvas = await page.getByTestId('canvas').boundingBox()
      const title = await node(id).getByTestId('title').boundingBox()
      if (canvas === null || title === null) throw new Error(`node ${id} is not on screen`)
      const grab = { x: title.x + 30, y: title.y + title.height / 2 }
      await drag(grab, { x: canvas.x + x + 30, y: canvas.y + y + title.height / 2 })
    },
    /** Drags a node by its title, `dx` and `dy` screen pixels (hold Control to move a selection). */
    async dragBy(id: string, dx: number, dy: number) {
      const from = await centre(node(id).getByTestId('title'))
      await drag(from, { x: from.x + dx, y: from.y + dy })
    },
    /** Drags from an output socket to an input socket. */
    async connect(from: [string, string], to: [string, string]) {
      await drag(
        await centre(socket(from[0], 'output', from[1])),
        await centre(socket(to[0], 'input', to[1])),
      )
    },
    /** Drops files on the canvas at a window point, as a person dragging them from a folder. */
    async dropFiles(
      files: { name: string; type: string; bytes: Uint8Array }[],
      at: { x: number; y: number },
    ) {
      const dataTransfer = await page.evaluateHandle(
        (list) => {
          const transfer = new DataTransfer()
          for (const f of list)
            transfer.items.add(new File([new Uint8Array(f.bytes)], f.name, { type: f.type }))
          return transfer
        },
        files.map((f) => ({ ...f, bytes: [...f.bytes] })),
      )
      await page
        .locator('.sc-editor')
        .dispatchEvent('drop', { dataTransfer, clientX: at.x, clientY: at.y })
    },
    /** Clicks the first node's title, then Ctrl+clicks the others: all of them selected. */
    async select(...ids: string[]) {
      for (const [k, id] of ids.entries()) {
        await node(id)
          .getByTestId('title')
          .click({ modifiers: k === 0 ? [] : ['Control'] })
      }
    },
    /** Where each node is drawn: the top-left corner of its Rete view, in canvas coordinates. */
    drawnPositions: () =>
      page.evaluate(() => {
        const drawn: Record<string, [number, number]> = {}
        for (const card of document.querySelectorAll<HTMLElement>('[data-testid="node"]')) {
          const view = card.parentElement
          const at = view?.style.transform.match(/translate\(([-\d.e]+)px, ([-\d.e]+)px\)/)
          if (card.dataset.nodeId && at) drawn[card.dataset.nodeId] = [Number(at[1]), Number(at[2])]
        }
        return drawn
      }),
    /** Starts a new, empty workflow (shown at 1:1). */
    async newWorkflow() {
      await page.getByRole('button', { name: 'New', exact: true }).click()
    },
    /**
     * Adds nodes from the palette (with nothing selected), each then dragged by its title so its
     * top-left corner lands at (x, y) in the canvas: `[query, the id it gets, x, y]`.
     */
    async place(layout: readonly (readonly [string, string, number, number])[]) {
      for (const [query, id, x, y] of layout) {
        // Nothing selected: the new node goes in the middle of the view, not beside the last.
        await this.clickBackground()
        await this.addFromPalette(query)
        await expect.poll(() => node(id).count()).toBe(1)
        await this.moveNode(id, x, y)
      }
    },
    /**
     * Zooms to fit the whole workflow (the toolbar's Fit), for a test that works on every node:
     * a workflow too wide opens at a legible zoom on its start, its far nodes off screen.
     */
    async fitAll() {
      await page.getByTestId('fit').click()
    },
    /** Clicks empty canvas (the bottom-left corner), leaving any text field. */
    async clickBackground() {
      const canvas = await page.getByTestId('canvas').boundingBox()
      if (canvas === null) throw new Error('no canvas')
      await page.mouse.click(canvas.x + 20, canvas.y + canvas.height - 20)
    },
  }
}
