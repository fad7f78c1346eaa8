import type { AnyNodeSpec, WorkflowEdge, WorkflowNode } from '@shotchain/graph'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { registry } from '../testing/documents.ts'
import {
  connectionPath,
  freeInputPoint,
  GEOMETRY,
  inputPoint,
  outputPoint,
  portLayout,
} from './geometry.ts'

const { header, row, gap, border, width } = GEOMETRY
/** The centre of the k-th port row (0-based), from the node's top edge. */
const rowCentre = (k: number) => header + gap + k * row + row / 2

function spec(type: string): AnyNodeSpec {
  const found = registry.get(type)
  if (found === undefined) throw new Error(`no spec for ${type}`)
  return found
}

function clip(id: string, order: number): WorkflowEdge {
  return {
    id,
    from: { node: `shot-${id}`, port: 'video' },
    to: { node: 'seq', port: 'clips' },
    order,
  }
}

describe('portLayout', () => {
  it('puts a shot’s three inputs and two outputs on rows side by side, in spec order', () => {
    const layout = portLayout(spec('kling-o1-i2v'), [])
    expect([...layout.inputs]).toEqual([
      ['start', [rowCentre(0)]],
      ['end', [rowCentre(1)]],
      ['prompt', [rowCentre(2)]],
    ])
    expect([...layout.outputs]).toEqual([
      ['video', rowCentre(0)],
      ['lastFrame', rowCentre(1)],
    ])
    expect(layout.portsBottom).toBe(header + 2 * gap + 3 * row)
  })

  it('gives an empty sequence one free row for its first clip, its soundtrack below', () => {
    const layout = portLayout(spec('sequence'), [])
    expect(layout.inputs.get('clips')).toEqual([rowCentre(0)])
    expect(layout.inputs.get('soundtrack')).toEqual([rowCentre(1)])
    expect(layout.portsBottom).toBe(header + 2 * gap + 2 * row)
  })

  it('gives a sequence a row per clip plus a free one, and grows with them', () => {
    const layout = portLayout(spec('sequence'), [clip('a', 0), clip('b', 1), clip('c', 2)])
    expect(layout.inputs.get('clips')).toEqual([0, 1, 2, 3].map(rowCentre))
    expect(layout.inputs.get('soundtrack')).toEqual([rowCentre(4)])
    expect(layout.outputs.get('video')).toBe(rowCentre(0))
    expect(layout.portsBottom).toBe(header + 2 * gap + 5 * row)
  })

  it('counts only the edges into the list port', () => {
    const other: WorkflowEdge = { ...clip('x', 0), to: { node: 'seq', port: 'elsewhere' } }
    const layout = portLayout(spec('sequence'), [clip('a', 0), other])
    expect(layout.inputs.get('clips')).toHaveLength(2)
  })
})

describe('inputPoint', () => {
  const seq: WorkflowNode = { id: 'seq', type: 'sequence', position: [1000, 200], params: {} }

  it('puts a clip on the row of its rank by order, not by document order', () => {
    const edges = [clip('late', 7), clip('early', -1), clip('middle', 2.5)]
    const layout = portLayout(spec('sequence'), edges)
    const y = (id: string) =>
      inputPoint(seq, layout, edges.find((e) => e.id === id) as WorkflowEdge, edges).y
    expect([y('early'), y('middle'), y('late')]).toEqual(
      [0, 1, 2].map((k) => 200 + border + rowCentre(k)),
    )
    expect(inputPoint(seq, layout, edges[0] as WorkflowEdge, edges).x).toBe(1000 + border)
  })

  it('puts an edge into a single input on that input’s row', () => {
    const shot: WorkflowNode = { id: 's', type: 'kling-o1-i2v', position: [10, 20], params: {} }
    const edge: WorkflowEdge = {
      id: 'p',
      from: { node: 'p', port: 'text' },
      to: { node: 's', port: 'prompt' },
    }
    const layout = portLayout(spec('kling-o1-i2v'), [edge])
    expect(inputPoint(shot, layout, edge, [edge])).toEqual({
      x: 10 + border,
      y: 20 + border + rowCentre(2),
    })
  })

  it('puts a new clip on a sequence’s free row, after the clips it has', () => {
    const edges = [clip('a', 0), clip('b', 1)]
    const layout = portLayout(spec('sequence'), edges)
    expect(freeInputPoint(seq, layout, 'clips')).toEqual({
      x: 1000 + border,
      y: 200 + border + rowCentre(2),
    })
  })
})

describe('outputPoint', () => {
  it('sits on the inner edge of the card’s right border, on its row', () => {
    const shot: WorkflowNode = { id: 's', type: 'kling-o1-i2v', position: [10, 20], params: {} }
    const layout = portLayout(spec('kling-o1-i2v'), [])
    expect(outputPoint(shot, layout, 'lastFrame')).toEqual({
      x: 10 + width - border,
      y: 20 + border + rowCentre(1),
    })
  })
})

describe('connectionPath', () => {
  it('starts at the start point and ends at the end point', () => {
    const coordinate = fc.double({ min: -1e6, max: 1e6, noNaN: true })
    const point = fc.record({ x: coordinate, y: coordinate })
    fc.assert(
      fc.property(point, point, (start, end) => {
        const path = connectionPath(start, end)
        expect(path.startsWith('M ')).toBe(true)
        const numbers = path.replace(/^M /, '').replace(' C ', ' ').split(' ').map(Number)
        expect(numbers).toHaveLength(8)
        const [sx, sy] = numbers as [number, number]
        const [ex, ey] = numbers.slice(-2) as [number, number]
        expect(sx).toBeCloseTo(start.x, 6)
        expect(sy).toBeCloseTo(start.y, 6)
        expect(ex).toBeCloseTo(end.x, 6)
        expect(ey).toBeCloseTo(end.y, 6)
      }),
    )
  })
})
