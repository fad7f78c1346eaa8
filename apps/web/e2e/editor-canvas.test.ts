import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { canvasDriver } from './canvas-driver.ts'
import { screenshot, useApp } from './harness.ts'

const SLOW = 180_000

/** A new, empty workflow shown at 1:1, with the nodes of `layout` placed by dragging. */
async function emptyCanvasWith(
  page: Page,
  url: string,
  layout: readonly (readonly [string, string, number, number])[],
) {
  const canvas = canvasDriver(page)
  await page.goto(url)
  await canvas.newWorkflow()
  await expect.poll(() => canvas.nodes().count()).toBe(0)
  await canvas.place(layout)
  return canvas
}

describe('canvas idioms in Chromium', () => {
  const app = useApp()

  it(
    'draws wires behind nodes: where a wire crosses a node body, the node is on top',
    async () => {
      const { page, url } = app()
      // prompt-2 sits across the wire from prompt-1 to shot-1.
      const canvas = await emptyCanvasWith(page, url, [
        ['prompt', 'prompt-1', 20, 60],
        ['kling', 'shot-1', 760, 20],
        ['prompt', 'prompt-2', 390, 20],
      ])
      await canvas.connect(['prompt-1', 'text'], ['shot-1', 'prompt'])
      await expect.poll(() => canvas.connections().count()).toBe(1)
      await canvas.clickBackground()
      // Wires take no pointer events, so a hit test would skip them whatever is on top: here
      // they do, and the browser's hit test answers what is painted above what.
      await page.addStyleTag({
        content: '[data-testid="connection"] path { pointer-events: visibleStroke !important; }',
      })
      const hits = await page.evaluate(() => {
        const path = document.querySelector<SVGPathElement>('[data-testid="connection"] path')
        const card = document.querySelector('[data-testid="node"][data-node-id="prompt-2"]')
        const body = card?.querySelector('.sc-node__body')?.getBoundingClientRect()
        const ports = card?.querySelector('.sc-ports')?.getBoundingClientRect()
        if (!path || !body || !ports) throw new Error('no wire or no prompt-2 body')
        const matrix = path.getScreenCTM() ?? undefined
        const total = path.getTotalLength()
        const found: { x: number; y: number; onNode: boolean; onWire: boolean }[] = []
        const inside = (box: DOMRect, x: number, y: number) =>
          x > box.left + 4 && x < box.right - 4 && y > box.top + 4 && y < box.bottom - 4
        for (let step = 0; step <= 100; step++) {
          const { x, y } = path.getPointAtLength((total * step) / 100).matrixTransform(matrix)
          if (!inside(body, x, y) && !inside(ports, x, y)) continue
          const top = document.elementFromPoint(x, y)
          found.push({ x, y, onNode: card?.contains(top) === true, onWire: top === path })
        }
        return found
      })
      expect(hits.length).toBeGreaterThan(5)
      expect(hits.filter((h) => !h.onNode)).toEqual([])
      await screenshot(page, 'editor-wires-behind-nodes')
    },
    SLOW,
  )
})
