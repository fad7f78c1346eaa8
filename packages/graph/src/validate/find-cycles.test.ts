import { describe, expect, it } from 'vitest'
import type { WorkflowEdge } from '../document/types.ts'
import { doc, edge, node, testRegistry } from '../testing/test-specs.ts'
import { buildAdjacency, findCycles } from './find-cycles.ts'
import { analyzeDocument, validateDocument } from './validate-document.ts'

const registry = testRegistry()

describe('findCycles', () => {
  it('finds nothing in a DAG and each tangle once, lowest vertex first', () => {
    const graph = (arcs: [number, number][], n: number) =>
      buildAdjacency(
        n,
        Int32Array.from(arcs.map((a) => a[0])),
        Int32Array.from(arcs.map((a) => a[1])),
        arcs.length,
      )
    expect(
      findCycles(
        graph(
          [
            [0, 1],
            [1, 2],
            [0, 2],
          ],
          3,
        ),
      ),
    ).toEqual([])
    expect(
      findCycles(
        graph(
          [
            [2, 3],
            [3, 2],
            [1, 1],
            [0, 2],
          ],
          4,
        ),
      ),
    ).toEqual([
      { cycle: [1], others: [] },
      { cycle: [2, 3], others: [] },
    ])
  })
})

describe('cycles', () => {
  const relay = (id: string) => node(id, 'relay')
  const link = (id: string, from: string, to: string) => edge(id, from, 'out', to, 'in')

  it('names the nodes of a cycle in order, from its first node in the document', () => {
    const issues = validateDocument(
      doc(
        [relay('c'), relay('a'), relay('b')],
        [link('e1', 'a', 'b'), link('e2', 'b', 'c'), link('e3', 'c', 'a')],
      ),
      registry,
    )
    expect(issues).toEqual([
      {
        code: 'cycle',
        path: 'nodes[0]',
        message:
          'nodes form a cycle: "c" → "a" → "b" → "c"; a workflow must not loop back on itself, so remove one of these edges',
        severity: 'error',
        nodeId: 'c',
        nodeIds: ['c', 'a', 'b'],
      },
    ])
  })

  it('reports a self-loop, and one issue per tangle', () => {
    const multi = doc(
      [node('p', 'prompt'), relay('s'), relay('a'), relay('b'), relay('x'), relay('y')],
      [
        link('e1', 's', 's'),
        link('e2', 'a', 'b'),
        link('e3', 'b', 'a'),
        link('e4', 'x', 'y'),
        link('e5', 'y', 'x'),
      ],
    )
    const cycles = validateDocument(multi, registry).filter((i) => i.code === 'cycle')
    expect(cycles.map((i) => i.nodeIds)).toEqual([['s'], ['a', 'b'], ['x', 'y']])
    expect(cycles[0]?.message).toMatch(/^node feeds itself: "s" → "s"/)
  })

  it('lists the rest of a strongly connected component after the cycle found', () => {
    const kling = (id: string) => node(id, 'kling-o1-i2v')
    const tangle = doc(
      [kling('a'), kling('b'), kling('c')],
      [
        edge('e1', 'a', 'lastFrame', 'b', 'start'),
        edge('e2', 'b', 'lastFrame', 'a', 'start'),
        edge('e3', 'b', 'lastFrame', 'c', 'start'),
        edge('e4', 'c', 'lastFrame', 'a', 'end'),
      ],
    )
    const [cycle] = validateDocument(tangle, registry).filter((i) => i.code === 'cycle')
    expect(cycle?.nodeIds).toEqual(['a', 'b', 'c'])
    expect(cycle?.message).toMatch(/"a" → "b" → "a" \(1 more node is caught in the same loop\)/)
  })

  it('handles a 100,000-node chain without overflowing the stack', () => {
    const n = 100_000
    const nodes = [node('p', 'prompt', { text: 'go' })]
    const edges: WorkflowEdge[] = []
    for (let i = 0; i < n; i++) {
      nodes.push(relay(`r${i}`))
      edges.push(
        i === 0 ? edge('e0', 'p', 'text', 'r0', 'in') : link(`e${i}`, `r${i - 1}`, `r${i}`),
      )
    }
    const chain = analyzeDocument(doc(nodes, edges), registry)
    expect(chain.issues).toEqual([])
    expect(chain.params.size).toBe(n + 1)

    // Close the loop: every relay now sits on one 100,000-node cycle (and r0's input is taken twice).
    const loop = validateDocument(doc(nodes, [...edges, link('back', `r${n - 1}`, 'r0')]), registry)
    expect(loop.map((i) => i.code)).toEqual(['input-taken', 'cycle'])
    const ids = loop[1]?.nodeIds ?? []
    expect(ids).toHaveLength(n)
    expect(ids[0]).toBe('r0')
    expect(ids[n - 1]).toBe(`r${n - 1}`)
    expect(ids.every((id, i) => id === `r${i}`)).toBe(true)
    expect(loop[1]?.message).toMatch(/"r0" → "r1" → .* → … \(100000 nodes\) → "r0"/)
  }, 30_000)
})
