import { applyCommands, type WorkflowNode } from '@shotchain/graph'
import { describe, expect, it } from 'vitest'
import { addNode, build, connect, registry } from '../testing/documents.ts'
import { freeInputPoint, outputPoint, portLayout } from './geometry.ts'
import { acceptsWire, looseWire, wireDropCommands, wireWanted } from './wire-drop.ts'

const doc = build([
  addNode('p', 'prompt', [0, 0]),
  addNode('shot', 'kling-o1-i2v', [400, 0]),
  addNode('seq', 'sequence', [800, 0]),
  connect('clip', 'shot.video', 'seq.clips', 0),
])
const wire = (node: string, side: 'input' | 'output', port: string) => {
  const found = looseWire(doc, registry, { node, side, port })
  if (found === undefined) throw new Error(`no socket ${node}.${port}`)
  return found
}
const types = (accepts: (type: string) => boolean) =>
  registry
    .list()
    .map((spec) => spec.type)
    .filter(accepts)
    .sort()

describe('a wire dropped on empty canvas', () => {
  it('knows the type it carries, and nothing for a socket the document lacks', () => {
    expect(wire('p', 'output', 'text').type).toBe('text')
    expect(wire('shot', 'input', 'start').type).toBe('image')
    expect(looseWire(doc, registry, { node: 'p', side: 'output', port: 'nope' })).toBeUndefined()
    expect(wireWanted(wire('p', 'output', 'text'))).toBe('A node that takes a text')
    expect(wireWanted(wire('shot', 'input', 'start'))).toBe('A node that makes an image')
  })

  it('is accepted by the types with a port of its type on the other side', () => {
    const accepts = (w: ReturnType<typeof wire>) => (type: string) => {
      const spec = registry.get(type)
      return spec !== undefined && acceptsWire(spec, w)
    }
    const takeText = types(accepts(wire('p', 'output', 'text')))
    expect(takeText).toContain('kling-o1-i2v')
    for (const type of ['prompt', 'image-source', 'sequence', 'output', 'extract-frame']) {
      expect(takeText).not.toContain(type)
    }
    const makeImages = types(accepts(wire('shot', 'input', 'start')))
    expect(makeImages).toEqual(expect.arrayContaining(['image-source', 'extract-frame']))
    expect(makeImages).not.toContain('prompt')
    const takeVideo = types(accepts(wire('shot', 'output', 'video')))
    expect(takeVideo).toEqual(expect.arrayContaining(['sequence', 'output', 'extract-frame']))
    expect(takeVideo).not.toContain('prompt')
  })

  it('adds the pick with its socket on the drop point and connects it, in one command list', () => {
    const commands = wireDropCommands(
      doc,
      registry,
      wire('p', 'output', 'text'),
      'kling-o1-i2v',
      { x: 300, y: 500 },
      'e-new',
    )
    expect(commands?.commands.map((c) => c.type)).toEqual(['addNode', 'connect'])
    expect(commands?.node).toBe('shot-1')
    const result = applyCommands(doc, commands?.commands ?? [], { registry })
    if (!result.ok) throw new Error(result.issues[0]?.message)
    const added = result.doc.nodes.find((n) => n.id === 'shot-1') as WorkflowNode
    expect(result.doc.edges.at(-1)).toEqual({
      id: 'e-new',
      from: { node: 'p', port: 'text' },
      to: { node: 'shot-1', port: 'prompt' },
    })
    const spec = registry.get('kling-o1-i2v')
    if (spec === undefined) throw new Error('no kling spec')
    expect(freeInputPoint(added, portLayout(spec, []), 'prompt')).toEqual({ x: 300, y: 500 })
  })

  it('from an input, adds a source whose output sits on the drop point', () => {
    const commands = wireDropCommands(
      doc,
      registry,
      wire('shot', 'input', 'start'),
      'image-source',
      { x: 100, y: 300 },
      'e-img',
    )
    const result = applyCommands(doc, commands?.commands ?? [], { registry })
    if (!result.ok) throw new Error(result.issues[0]?.message)
    const added = result.doc.nodes.find((n) => n.type === 'image-source') as WorkflowNode
    const spec = registry.get('image-source')
    if (spec === undefined) throw new Error('no image spec')
    expect(outputPoint(added, portLayout(spec, []), 'image')).toEqual({ x: 100, y: 300 })
    expect(result.doc.edges.at(-1)?.to).toEqual({ node: 'shot', port: 'start' })
  })

  it('gives a list input the next order, and nothing for a type with no port for the wire', () => {
    const onSequence = wireDropCommands(
      doc,
      registry,
      wire('seq', 'input', 'clips'),
      'kling-o1-i2v',
      { x: 0, y: 600 },
      'e-2',
    )
    expect(onSequence?.commands[1]).toMatchObject({ type: 'connect', edge: { order: 1 } })
    const at = { x: 0, y: 0 }
    expect(wireDropCommands(doc, registry, wire('p', 'output', 'text'), 'prompt', at, 'e')).toBe(
      undefined,
    )
    expect(wireDropCommands(doc, registry, wire('p', 'output', 'text'), 'nope', at, 'e')).toBe(
      undefined,
    )
  })
})
