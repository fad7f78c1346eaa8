import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { registry, threeShotChain } from '../testing/documents.ts'
import type { Box } from './bounds.ts'
import { boxAround, freeSpot, PLACE_GAP, spotBeside } from './free-spot.ts'
import { nodeBoxes, overlaps } from './node-boxes.ts'

const boxAt = ([x, y]: readonly [number, number], w: number, h: number): Box => ({
  left: x,
  top: y,
  right: x + w,
  bottom: y + h,
})

describe('freeSpot', () => {
  it('keeps a free point as it is', () => {
    expect(freeSpot([boxAt([0, 0], 100, 100)], [300, 0], { width: 50, height: 50 })).toEqual([
      300, 0,
    ])
  })

  it('moves right, on the same line, past every box it would cover', () => {
    const taken = [boxAt([0, 0], 100, 100), boxAt([150, 0], 100, 100)]
    expect(freeSpot(taken, [10, 10], { width: 50, height: 50 })).toEqual([250 + PLACE_GAP, 10])
  })

  it('never overlaps a box, wherever it starts', () => {
    const coord = fc.integer({ min: -2000, max: 2000 })
    const span = fc.integer({ min: 1, max: 600 })
    const box = fc
      .record({ x: coord, y: coord, w: span, h: span })
      .map(({ x, y, w, h }) => boxAt([x, y], w, h))
    fc.assert(
      fc.property(
        fc.array(box, { maxLength: 30 }),
        coord,
        coord,
        span,
        span,
        (taken, x, y, w, h) => {
          const spot = freeSpot(taken, [x, y], { width: w, height: h })
          expect(spot[1]).toBe(y)
          expect(spot[0]).toBeGreaterThanOrEqual(x)
          for (const other of taken) expect(overlaps(boxAt(spot, w, h), other)).toBe(false)
        },
      ),
    )
  })
})

describe('spotBeside', () => {
  const doc = threeShotChain()
  const boxes = nodeBoxes(doc, registry)

  it.each([['shot2'], ['shot3'], ['prompt1'], ['out']])(
    'puts a copy of %s on its right, covering no node',
    (id) => {
      const own = boxes.get(id) as Box
      const spot = spotBeside(boxes, [id]) as [number, number]
      expect(spot[0]).toBeGreaterThanOrEqual(own.right + PLACE_GAP)
      expect(spot[1]).toBe(own.top)
      const copy = boxAt(spot, own.right - own.left, own.bottom - own.top)
      for (const other of boxes.values()) expect(overlaps(copy, other)).toBe(false)
    },
  )

  it('puts a group beside the group, covering no node', () => {
    const ids = ['shot1', 'prompt2']
    const group = boxAround(boxes, ids) as Box
    const spot = spotBeside(boxes, ids) as [number, number]
    const copy = boxAt(spot, group.right - group.left, group.bottom - group.top)
    for (const other of boxes.values()) expect(overlaps(copy, other)).toBe(false)
  })

  it('is undefined for nodes it does not know', () => {
    expect(spotBeside(boxes, ['nope'])).toBeUndefined()
  })
})
