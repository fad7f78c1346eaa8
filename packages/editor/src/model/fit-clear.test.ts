import { describe, expect, it } from 'vitest'
import type { Box } from './bounds.ts'
import { fitClearOfCorner, type ViewTransform } from './fit-clear.ts'

const CORNER = { width: 224, height: 154 }
const W = 1100
const H = 600

const onScreen = (b: Box, t: ViewTransform): Box => ({
  left: b.left * t.k + t.x,
  top: b.top * t.k + t.y,
  right: b.right * t.k + t.x,
  bottom: b.bottom * t.k + t.y,
})
const underCorner = (b: Box) => b.right > W - CORNER.width && b.bottom > H - CORNER.height

describe('fitClearOfCorner', () => {
  it('leaves no node under the corner where a plain fit puts one there', () => {
    // A row of nodes, the last lower: a plain fit puts it in the bottom-right corner.
    const boxes: Box[] = [
      { left: 0, top: 0, right: 300, bottom: 200 },
      { left: 400, top: 0, right: 700, bottom: 200 },
      { left: 2400, top: 600, right: 2700, bottom: 800 },
    ]
    const view = fitClearOfCorner(boxes, W, H, CORNER) as ViewTransform
    for (const box of boxes) expect(underCorner(onScreen(box, view))).toBe(false)
    // Still every node on screen.
    for (const box of boxes) {
      const s = onScreen(box, view)
      expect(s.left).toBeGreaterThanOrEqual(0)
      expect(s.right).toBeLessThanOrEqual(W)
      expect(s.top).toBeGreaterThanOrEqual(0)
      expect(s.bottom).toBeLessThanOrEqual(H)
    }
  })

  it('keeps the plain fit when the corner is already free', () => {
    // Two nodes on a diagonal rising to the right: the bottom-right corner stays empty.
    const boxes: Box[] = [
      { left: 0, top: 600, right: 300, bottom: 800 },
      { left: 2400, top: 0, right: 2700, bottom: 200 },
    ]
    const view = fitClearOfCorner(boxes, W, H, CORNER) as ViewTransform
    const plainK = Math.min(1, (W * 0.9) / 2700, (H * 0.9) / 800)
    expect(view.k).toBeCloseTo(plainK)
  })

  it('has no view for no nodes', () => {
    expect(fitClearOfCorner([], W, H, CORNER)).toBeUndefined()
  })
})
