import {
  applyCommands,
  createRegistry,
  parseWorkflow,
  type WorkflowDocument,
} from '@shotchain/graph'
import { builtInNodes } from '@shotchain/nodes'
import { registerSecondVideoPack } from '@shotchain/nodes/testing'
import { describe, expect, it } from 'vitest'
import { nextShotCommands } from './next-shot.ts'

// A second video model from a test pack: "add next shot" works from its declarations alone.
const registry = registerSecondVideoPack(createRegistry(builtInNodes))

function oneTake(): WorkflowDocument {
  const parsed = parseWorkflow({
    format: 'shotchain.workflow',
    version: 1,
    name: 'takes',
    nodes: [
      { id: 'image', type: 'image-source', position: [0, 0], params: { path: 'a.png' } },
      { id: 'words', type: 'prompt', position: [0, 300], params: { text: 'dawn' } },
      { id: 'take-1', type: 'test-video-i2v', position: [300, 0], params: { seconds: 6 } },
      { id: 'seq', type: 'sequence', position: [900, 0], params: {} },
    ],
    edges: [
      { id: 'e1', from: { node: 'image', port: 'image' }, to: { node: 'take-1', port: 'first' } },
      { id: 'e2', from: { node: 'words', port: 'text' }, to: { node: 'take-1', port: 'text' } },
      {
        id: 'e3',
        from: { node: 'take-1', port: 'clip' },
        to: { node: 'seq', port: 'clips' },
        order: 0,
      },
    ],
  })
  if (!parsed.ok) throw new Error(parsed.issues[0]?.message)
  return parsed.doc
}

describe('add next shot on a shot of another pack', () => {
  it('chains, prompts and sequences the next take by the pack’s own ports', () => {
    const doc = oneTake()
    let k = 0
    const commands = nextShotCommands(doc, registry, 'take-1', () => `n${++k}`)
    expect(commands).toBeDefined()
    const applied = applyCommands(doc, commands ?? [], { registry })
    if (!applied.ok) throw new Error(applied.issues[0]?.message)
    const after = applied.doc
    const take = after.nodes.find((n) => n.id === 'take-2')
    expect(take).toMatchObject({ type: 'test-video-i2v', params: { seconds: 6 } })
    const into = (port: string) =>
      after.edges.find((e) => e.to.node === 'take-2' && e.to.port === port)
    expect(into('first')?.from).toEqual({ node: 'take-1', port: 'last' })
    const prompt = after.nodes.find((n) => n.id === into('text')?.from.node)
    expect(prompt).toMatchObject({ type: 'prompt', params: { text: 'and then: ' } })
    const clips = after.edges.filter((e) => e.to.node === 'seq').map((e) => e.from.node)
    expect(clips).toEqual(['take-1', 'take-2'])
  })
})
