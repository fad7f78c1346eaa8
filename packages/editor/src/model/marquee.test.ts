import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { registry, threeShotChain } from '../testing/documents.ts'
import { GEOMETRY } from './geometry.ts'
import { boxBetween, nodesInMarquee } from './marquee.ts'
import { nodeBoxes } from './node-boxes.ts'

describe('nodesInMarquee', () => {
  const doc = threeShotChain()
  const boxes = nodeBoxes(doc, registry)
  const at = (id: string) => {
    const node = doc.nodes.find((n) => n.id === id)
    if (node === undefined) throw new Error(`no ${id}`)
    return { x: node.position[0], y: node.position[1] }
  }

  it('selects a node the marquee only touches, dragged either way', () => {
    const shot = at('shot2')
    const corner = { x: shot.x + 10, y: shot.y + 10 }
    const outside = { x: shot.x - 30, y: shot.y - 30 }
    expect(nodesInMarquee(boxes, boxBetween(outside, corner))).toContain('shot2')
    expect(nodesInMarquee(boxes, boxBetween(corner, outside))).toContain('shot2')
  })

  it('selects nothing on empty canvas', () => {
    const far = { x: -10_000, y: -10_000 }
    expect(nodesInMarquee(boxes, boxBetween(far, { x: far.x + 500, y: far.y + 500 }))).toEqual([])
  })

  it('selects every node around the whole workflow', () => {
    const all = boxBetween({ x: -1e5, y: -1e5 }, { x: 1e5, y: 1e5 })
    expect(nodesInMarquee(boxes, all)).toEqual(doc.nodes.map((n) => n.id))
  })

  it('selects exactly the nodes whose box shares a point with the marquee', () => {
    const coord = fc.integer({ min: -2000, max: 4000 })
    const point = fc.record({ x: coord, y: coord })
    fc.assert(
      fc.property(point, point, (a, b) => {
        const marquee = boxBetween(a, b)
        const picked = new Set(nodesInMarquee(boxes, marquee))
        for (const node of doc.nodes) {
          const [x, y] = node.position
          const box = boxes.get(node.id)
          if (box === undefined) throw new Error('no box')
          expect(box.right - box.left).toBe(GEOMETRY.width)
          const apart =
            marquee.right < x ||
            marquee.left > box.right ||
            marquee.bottom < y ||
            marquee.top > box.bottom
          expect(picked.has(node.id)).toBe(!apart)
        }
      }),
    )
  })
})
