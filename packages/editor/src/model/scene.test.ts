import { benchWorkflow } from '@shotchain/nodes/testing'
import { describe, expect, it } from 'vitest'
import { registry, threeShotChain } from '../testing/documents.ts'
import type { Box } from './bounds.ts'
import { edgesByTarget, inputPoint, outputPoint, portLayout } from './geometry.ts'
import { nodeSize } from './node-size.ts'
import { curveMeets, sceneOf, wireEnds } from './scene.ts'
import { sceneIn } from './scene-grid.ts'

const doc = threeShotChain()
const node = (id: string) => {
  const found = doc.nodes.find((n) => n.id === id)
  if (!found) throw new Error(`no node ${id}`)
  return found
}
const layoutOf = (id: string) => {
  const spec = registry.get(node(id).type)
  if (!spec) throw new Error(`no spec for ${id}`)
  return portLayout(spec, edgesByTarget(doc).get(id) ?? [])
}

describe('sceneOf', () => {
  it('puts each wire’s ends on the sockets the DOM draws, and each node at its drawn size', () => {
    const scene = sceneOf(doc, registry, {})
    expect(scene.wires).toHaveLength(doc.edges.length)
    for (const edge of doc.edges) {
      const wire = scene.wires.find((w) => w.id === edge.id)
      const ends = wire && wireEnds(scene, wire, () => undefined)
      const into = edgesByTarget(doc).get(edge.to.node) ?? []
      expect(ends).toEqual([
        outputPoint(node(edge.from.node), layoutOf(edge.from.node), edge.from.port),
        inputPoint(node(edge.to.node), layoutOf(edge.to.node), edge, into),
      ])
    }
    const shot = scene.nodes.get('shot2')
    const size = nodeSize(node('shot2'), registry.get('kling-o1-i2v'), [], {})
    expect(shot).toMatchObject({ x: 940, y: 0, width: size.width })
  })

  it('moves a wire’s end with its node’s live position, and is computed once per document', () => {
    const views = {}
    const scene = sceneOf(doc, registry, views)
    expect(sceneOf(doc, registry, views)).toBe(scene)
    expect(sceneOf(doc, registry, { ...views })).not.toBe(scene)
    const wire = scene.wires.find((w) => w.id === 'start2')
    if (!wire) throw new Error('no wire start2')
    const still = wireEnds(scene, wire, () => undefined)
    const moved = wireEnds(scene, wire, (id) => (id === 'shot2' ? { x: 1000, y: 50 } : undefined))
    expect(moved?.[0]).toEqual(still?.[0])
    expect(moved?.[1]).toEqual({ x: (still?.[1].x ?? 0) + 60, y: (still?.[1].y ?? 0) + 50 })
  })
})

describe('curveMeets', () => {
  const box = { left: 0, top: 0, right: 100, bottom: 100 }
  it('finds a curve whose ends are both far outside the box but which crosses it', () => {
    expect(curveMeets({ x: -500, y: 50 }, { x: 600, y: 50 }, box)).toBe(true)
  })
  it('counts the pull: a backward wire bulges past its start by 0.3 of its width', () => {
    expect(curveMeets({ x: -30, y: 50 }, { x: -300, y: 60 }, box)).toBe(true)
    expect(curveMeets({ x: -200, y: 50 }, { x: -300, y: 60 }, box)).toBe(false)
  })
  it('leaves out a curve above or below the box', () => {
    expect(curveMeets({ x: 10, y: -50 }, { x: 90, y: -10 }, box)).toBe(false)
  })
})

describe('sceneIn', () => {
  const big = benchWorkflow(100)
  const scene = sceneOf(big, registry, {})
  const meets = (a: Box, b: Box) =>
    a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom
  const boxes: Box[] = [
    { left: 0, top: 0, right: 1280, bottom: 800 },
    { left: 2500, top: 1900, right: 2600, bottom: 2000 },
    { left: -5000, top: -5000, right: 50_000, bottom: 50_000 },
    { left: 700, top: 700, right: 700, bottom: 700 },
  ]
  it('finds every node and wire whose box meets the box asked for, from the grid', () => {
    for (const box of boxes) {
      const found = sceneIn(scene, box)
      for (const node of scene.nodes.values()) {
        const at = {
          left: node.x,
          top: node.y,
          right: node.x + node.width,
          bottom: node.y + node.height,
        }
        if (meets(at, box)) expect(found.nodes.has(node), node.id).toBe(true)
      }
      for (const wire of scene.wires) {
        const ends = wireEnds(scene, wire, () => undefined)
        if (ends && curveMeets(ends[0], ends[1], box))
          expect(found.wires.has(wire), wire.id).toBe(true)
      }
    }
  })
  it('looks only near the box: a screen at 1:1 finds a few nodes of 300', () => {
    expect(sceneIn(scene, boxes[0] as Box).nodes.size).toBeLessThan(40)
  })
})
