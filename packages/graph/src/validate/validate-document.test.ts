import { describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import type { WorkflowEdge, WorkflowNode } from '../document/types.ts'
import { defineNode } from '../spec/node-spec.ts'
import { createRegistry } from '../spec/registry.ts'
import { doc, edge, node, testRegistry, twoShotChain } from '../testing/test-specs.ts'
import { analyzeDocument, validateDocument } from './validate-document.ts'

const registry = testRegistry()

/** The two-shot chain with some nodes and edges replaced or added. */
function chainWith(change: {
  nodes?: (n: WorkflowNode[]) => void
  edges?: (e: WorkflowEdge[]) => void
}) {
  const base = twoShotChain()
  const nodes = [...base.nodes]
  const edges = [...base.edges]
  change.nodes?.(nodes)
  change.edges?.(edges)
  return doc(nodes, edges)
}

describe('validateDocument', () => {
  it('finds nothing wrong with a valid chain, and fills param defaults', () => {
    const analysis = analyzeDocument(twoShotChain(), registry)
    expect(analysis.issues).toEqual([])
    expect(analysis.params.get('shot1')).toEqual({ duration: 5, tier: 'standard', note: '' })
    expect(analysis.params.get('p1')).toEqual({ text: 'a cat' })
    expect(analysis.params.size).toBe(6)
  })

  it('reports an unknown node type at its type field', () => {
    const issues = validateDocument(
      chainWith({ nodes: (n) => n.push(node('x', 'teleport')) }),
      registry,
    )
    expect(issues).toEqual([
      {
        code: 'unknown-node-type',
        path: 'nodes[6].type',
        message: 'unknown node type "teleport"; is the node pack that provides it installed?',
        severity: 'error',
        nodeId: 'x',
        field: 'type',
      },
    ])
  })

  it('reports ports the spec lacks, and inputs used as outputs and the reverse', () => {
    const issues = validateDocument(
      doc(
        [
          node('img', 'image-source', { url: 'a' }),
          node('s', 'sequence'),
          node('t', 'sequence'),
          node('img2', 'image-source', { url: 'b' }),
        ],
        [
          edge('e1', 'img', 'picture', 's', 'clips', 0),
          edge('e2', 's', 'clips', 't', 'clips', 0),
          edge('e3', 'img2', 'image', 'img', 'image'),
        ],
      ),
      registry,
    )
    expect(issues.map((i) => [i.code, i.path, i.nodeId, i.field])).toEqual([
      ['unknown-port', 'edges[0].from.port', 'img', 'picture'],
      ['unknown-port', 'edges[1].from.port', 's', 'clips'],
      ['unknown-port', 'edges[2].to.port', 'img', 'image'],
    ])
    expect(issues[1]?.message).toMatch(/"clips" is an input of node "s"/)
    expect(issues[0]?.message).toBe(
      'node "img" (Image) has no output "picture"; its outputs are: "image"',
    )
    expect(issues[2]?.message).toMatch(/"image" is an output of node "img"/)
  })

  it('reports a type mismatch naming both types and both nodes', () => {
    const issues = validateDocument(
      chainWith({ edges: (e) => e.splice(1, 1, edge('e2', 'p1', 'text', 'shot1', 'end')) }),
      registry,
    )
    // `end` is now fed text, and `prompt` is left without an edge.
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ['missing-input', 'nodes[3]'],
      ['type-mismatch', 'edges[1]'],
    ])
    const mismatch = issues[1]
    expect(mismatch?.message).toBe(
      'edge "e2" joins output "text" (text) of node "p1" to input "end" (image) of node "shot1"; an edge must join ports of the same type',
    )
    expect(mismatch?.nodeIds).toEqual(['p1', 'shot1'])
  })

  it('reports a second edge into a single input, naming the node and port', () => {
    const issues = validateDocument(
      chainWith({ edges: (e) => e.push(edge('e7', 'img', 'image', 'shot2', 'start')) }),
      registry,
    )
    expect(issues).toMatchObject([
      { code: 'input-taken', path: 'edges[6].to.port', nodeId: 'shot2', field: 'start' },
    ])
    expect(issues[0]?.message).toMatch(/input "start" of node "shot2" already has an edge \("e3"\)/)
  })

  it('accepts many edges into a list input, each with an order', () => {
    const issues = validateDocument(
      chainWith({ edges: (e) => e.push(edge('e7', 'shot2', 'video', 'seq', 'clips')) }),
      registry,
    )
    expect(issues).toMatchObject([
      { code: 'missing-order', path: 'edges[6].order', nodeId: 'seq', field: 'clips' },
    ])
  })

  it('reports a required input without an edge, at the node with the port as field', () => {
    const issues = validateDocument(chainWith({ edges: (e) => e.splice(3, 1) }), registry)
    expect(issues).toEqual([
      {
        code: 'missing-input',
        path: 'nodes[4]',
        message: 'input "prompt" of node "shot2" (Kling O1) needs an edge',
        severity: 'error',
        nodeId: 'shot2',
        field: 'prompt',
      },
    ])
    const empty = validateDocument(doc([node('s', 'sequence')]), registry)
    expect(empty).toMatchObject([{ code: 'missing-input', path: 'nodes[0]', field: 'clips' }])
  })

  it('maps param failures to nodes[i].params.<key> with readable messages', () => {
    const issues = validateDocument(
      chainWith({
        nodes: (n) => {
          n[0] = node('img', 'image-source', {})
          n[3] = node('shot1', 'kling-o1-i2v', { duration: 20, tier: 'ultra' })
        },
      }),
      registry,
    )
    expect(issues.map((i) => [i.code, i.path, i.field, i.message])).toEqual([
      ['invalid-param', 'nodes[0].params.url', 'url', 'is required'],
      ['invalid-param', 'nodes[3].params.duration', 'duration', 'must be at most 10'],
      ['invalid-param', 'nodes[3].params.tier', 'tier', 'must be one of "standard", "pro"'],
    ])
    const analysis = analyzeDocument(
      chainWith({ nodes: (n) => (n[0] = node('img', 'image-source', {})) }),
      registry,
    )
    expect(analysis.params.has('img')).toBe(false)
    expect(analysis.params.has('shot1')).toBe(true)
  })

  it('keeps a spec’s own error messages', () => {
    const strict = defineNode({
      type: 'strict',
      version: 1,
      title: 'Strict',
      inputs: {},
      outputs: {},
      params: z.strictObject({ duration: z.number({ error: 'must be one of 3..10' }) }),
      run: async () => ({}),
    })
    const issues = validateDocument(
      doc([node('s', 'strict', { duration: 'x', extra: 1 })]),
      createRegistry([strict]),
    )
    expect(issues.map((i) => [i.path, i.message])).toEqual([
      ['nodes[0].params.duration', 'must be one of 3..10'],
      ['nodes[0].params.extra', 'is not a known field'],
    ])
  })

  it('reports spec checks with isConnected, only when params parse', () => {
    const issues = validateDocument(
      chainWith({
        nodes: (n) => (n[3] = node('shot1', 'kling-o1-i2v', { duration: 9, note: 'to @Image2' })),
      }),
      registry,
    )
    expect(issues).toEqual([
      {
        code: 'node-check',
        path: 'nodes[3]',
        message: '@Image2 needs an end frame',
        severity: 'error',
        nodeId: 'shot1',
        field: 'end',
      },
      {
        code: 'node-check',
        path: 'nodes[3].params.duration',
        message: 'long shots cost more',
        severity: 'warning',
        nodeId: 'shot1',
        field: 'duration',
      },
    ])
    const withEnd = chainWith({
      nodes: (n) => (n[3] = node('shot1', 'kling-o1-i2v', { note: 'to @Image2' })),
      edges: (e) => e.push(edge('e7', 'img', 'image', 'shot1', 'end')),
    })
    expect(validateDocument(withEnd, registry)).toEqual([])

    const check = vi.fn(() => [])
    const checked = defineNode({ ...testRegistry().get('prompt'), type: 'checked', check } as never)
    validateDocument(doc([node('a', 'checked', { text: 5 })]), createRegistry([checked]))
    expect(check).not.toHaveBeenCalled()
  })

  it('reports duplicate ids and dangling edges as the loader does', () => {
    const issues = validateDocument(
      chainWith({ edges: (e) => e.push(edge('e1', 'ghost', 'image', 'shot1', 'end')) }),
      registry,
    )
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ['duplicate-id', 'edges[6].id'],
      ['dangling-edge', 'edges[6].from.node'],
    ])
  })
})
