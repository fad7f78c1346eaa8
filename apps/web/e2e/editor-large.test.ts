import { benchWorkflow } from '@shotchain/nodes/testing'
import { describe, expect, it } from 'vitest'
import { screenshot, useApp } from './harness.ts'
import { measureSizes, type NodeSize, nodeRects } from './node-rects.ts'
import { openDocument } from './open-document.ts'
import { checkView, type ViewCheck } from './view-check.ts'
import { canvasRect, dragCanvas, waitForStill, wheelUntil } from './view-moves.ts'

const SLOW = 300_000
/** 334 shots of three nodes: 1,002 nodes and 1,002 edges, the size of issue 18. */
const SHOTS = 334
/** How long a view may take to draw its details (a few nodes a frame, once still). */
const DETAIL_MS = 30_000

describe('a workflow of 1,002 nodes in Chromium', () => {
  const app = useApp()

  it(
    'after pans and zooms, every drawn connection ends on its own sockets and nothing inside the view is missing',
    async () => {
      const { browser, url } = app()
      // A large screen: at 1:1 a 900 px window leaves room for two whole nodes beside the panels.
      const page = await browser.newPage({ viewport: { width: 1920, height: 1200 } })
      const doc = benchWorkflow(SHOTS)
      await openDocument(page, url, doc)

      const canvas = await canvasRect(page)
      const middle = { x: (canvas.left + canvas.right) / 2, y: (canvas.top + canvas.bottom) / 2 }
      let sizes: Record<string, NodeSize> = {}
      const check = async (label: string) => {
        let found: ViewCheck | undefined
        await expect
          .poll(
            async () => {
              found = await checkView(page, doc, await waitForStill(page), canvas, sizes)
              return found.problems.slice(0, 5)
            },
            { timeout: DETAIL_MS, message: label },
          )
          .toEqual([])
        if (found === undefined) throw new Error('never checked')
        expect(found.nodesInside, label).toBeGreaterThanOrEqual(3)
        expect(found.edgesInside, label).toBeGreaterThanOrEqual(2)
      }

      // 1:1 over the first shots: the zoom button resets about the middle of the view.
      await page.getByTestId('zoom-reset').click()
      expect((await waitForStill(page)).k).toBe(1)
      await expect
        .poll(async () => Object.keys(await measureSizes(page, doc)).sort(), {
          timeout: DETAIL_MS,
        })
        .toEqual(['image-source', 'kling-o1-i2v', 'prompt'])
      sizes = await measureSizes(page, doc)
      await check('at 1:1 over the first shots')

      const out = await wheelUntil(page, middle, 'out', (k) => k < 0.55)
      expect(out.k).toBeGreaterThanOrEqual(0.5)
      await check(`zoomed out to ${out.k.toFixed(2)}`)
      const back = await wheelUntil(page, middle, 'in', (k) => k > 0.95)
      await check(`zoomed back in to ${back.k.toFixed(2)}`)

      const pan = async (dx: number, dy: number) => {
        const before = await waitForStill(page)
        await dragCanvas(page, dx, dy, [...nodeRects(doc, before, sizes).values()])
        const after = await waitForStill(page)
        expect(after.k).toBe(before.k)
        expect(Math.abs(after.x - before.x - dx)).toBeLessThanOrEqual(1)
        expect(Math.abs(after.y - before.y - dy)).toBeLessThanOrEqual(1)
        await check(`panned ${dx}, ${dy} px at ${after.k.toFixed(2)}`)
      }
      await pan(-620, -380)

      const elsewhere = { x: canvas.left + 0.7 * (canvas.right - canvas.left), y: middle.y + 120 }
      const close = await wheelUntil(page, elsewhere, 'in', (k) => k >= 1.45)
      expect(close.k).toBeLessThanOrEqual(1.7)
      await check(`zoomed in to ${close.k.toFixed(2)} over another part`)
      await pan(-450, -150)
      await screenshot(page, 'editor-large')
      await page.close()
    },
    SLOW,
  )
})
