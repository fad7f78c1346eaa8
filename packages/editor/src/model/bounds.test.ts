import { createDocument } from '@shotchain/graph'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { registry, threeShotChain } from '../testing/documents.ts'
import {
  type Box,
  documentBounds,
  fitTransform,
  openingTransform,
  revealTransform,
} from './bounds.ts'

describe('fitTransform', () => {
  const span = fc.double({ min: 0, max: 1e5, noNaN: true })
  const at = fc.double({ min: -1e5, max: 1e5, noNaN: true })
  const box = fc
    .record({ left: at, top: at, w: span, h: span })
    .map(({ left, top, w, h }): Box => ({ left, top, right: left + w, bottom: top + h }))
  const side = fc.integer({ min: 100, max: 4000 })

  it('puts the box’s centre at the centre of the viewport, never zoomed in past 1:1', () => {
    fc.assert(
      fc.property(box, side, side, (b, width, height) => {
        const { x, y, k } = fitTransform(b, width, height)
        expect(k).toBeGreaterThan(0)
        expect(k).toBeLessThanOrEqual(1)
        const tolerance = 1e-6 * Math.max(1, Math.abs(b.left), Math.abs(b.right))
        expect(Math.abs(((b.left + b.right) / 2) * k + x - width / 2)).toBeLessThan(tolerance)
        expect(Math.abs(((b.top + b.bottom) / 2) * k + y - height / 2)).toBeLessThan(
          1e-6 * Math.max(1, Math.abs(b.top), Math.abs(b.bottom)),
        )
      }),
    )
  })

  it('shrinks a box larger than the viewport until it fits', () => {
    fc.assert(
      fc.property(box, side, side, (b, width, height) => {
        const { k } = fitTransform(b, width, height)
        expect((b.right - b.left) * k).toBeLessThanOrEqual(width * (1 + 1e-9))
        expect((b.bottom - b.top) * k).toBeLessThanOrEqual(height * (1 + 1e-9))
      }),
    )
  })

  it('shows a small box at 1:1', () => {
    expect(fitTransform({ left: 0, top: 0, right: 200, bottom: 100 }, 800, 600)).toEqual({
      x: 300,
      y: 250,
      k: 1,
    })
  })
})

describe('openingTransform', () => {
  const wide: Box = { left: 100, top: 50, right: 5100, bottom: 650 }

  it('is the fit when the fit is legible', () => {
    const small: Box = { left: 0, top: 0, right: 600, bottom: 300 }
    expect(openingTransform(small, 1000, 800, 0.85)).toEqual(fitTransform(small, 1000, 800))
  })

  it('never zooms out past the legible zoom, and shows the start of the workflow', () => {
    const { x, y, k } = openingTransform(wide, 1000, 800, 0.85)
    expect(k).toBe(0.85)
    // The left edge is on screen near the left; the middle of a low workflow is mid-height.
    expect(wide.left * k + x).toBe(40)
    expect(((wide.top + wide.bottom) / 2) * k + y).toBeCloseTo(400, 9)
  })

  it('puts a tall workflow’s top on screen', () => {
    const tall: Box = { left: 0, top: -300, right: 3000, bottom: 4000 }
    const { y, k } = openingTransform(tall, 1000, 800, 0.85)
    expect(tall.top * k + y).toBe(40)
  })
})

describe('revealTransform', () => {
  const view = { x: 0, y: 0, k: 0.5 }

  it('leaves a box in view where it is', () => {
    expect(revealTransform({ left: 100, top: 100, right: 400, bottom: 300 }, view, 800, 600)).toBe(
      undefined,
    )
  })

  it('pans the least that brings a box off the right and bottom into view', () => {
    const box = { left: 1600, top: 1200, right: 1860, bottom: 1500 }
    const moved = revealTransform(box, view, 800, 600) as { x: number; y: number }
    expect(box.right * 0.5 + moved.x).toBe(800 - 40)
    expect(box.bottom * 0.5 + moved.y).toBe(600 - 40)
  })

  it('shows the top-left of a box larger than the view', () => {
    const box = { left: -5000, top: -5000, right: 5000, bottom: 5000 }
    const moved = revealTransform(box, view, 800, 600) as { x: number; y: number }
    expect(box.left * 0.5 + moved.x).toBe(40)
    expect(box.top * 0.5 + moved.y).toBe(40)
  })
})

describe('documentBounds', () => {
  it('is undefined for an empty document', () => {
    expect(documentBounds(createDocument(), registry)).toBeUndefined()
  })

  it('holds every node’s corner, or only the chosen ones', () => {
    const doc = threeShotChain()
    const all = documentBounds(doc, registry) as Box
    for (const n of doc.nodes) {
      expect(n.position[0]).toBeGreaterThanOrEqual(all.left)
      expect(n.position[0]).toBeLessThan(all.right)
      expect(n.position[1]).toBeGreaterThanOrEqual(all.top)
      expect(n.position[1]).toBeLessThan(all.bottom)
    }
    const some = documentBounds(doc, registry, ['shot2']) as Box
    expect([some.left, some.top]).toEqual([940, 0])
    expect(some.right).toBeLessThan(all.right)
  })
})
