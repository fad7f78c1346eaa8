import { applyCommands, serializeWorkflow } from '@shotchain/graph'
import { describe, expect, it } from 'vitest'
import { registry, threeShotChain } from '../testing/documents.ts'
import { type Clip, copyNodes, pasteCommands, readClip } from './clipboard.ts'

const PROMPT = { id: 'a', type: 'prompt', position: [0, 0], params: { text: 'hello' } }

/** Clipboard text of a clip with these (perhaps hand-edited) nodes and edges. */
function clipText(nodes: unknown[], edges: unknown[] = []): string {
  return JSON.stringify({ format: 'shotchain.clip', nodes, edges })
}

/** Copies `ids` from the three-shot chain, through clipboard text, and pastes at `at`. */
function copyAndPaste(ids: readonly string[], at: readonly [number, number]) {
  const doc = threeShotChain()
  const copied = copyNodes(doc, ids)
  if (copied === undefined) throw new Error('nothing copied')
  const clip = readClip(JSON.stringify(copied))
  if (clip === undefined) throw new Error('the clip does not read back')
  const { commands, ids: pasted } = pasteCommands(doc, clip, at)
  const result = applyCommands(doc, commands, { registry })
  if (!result.ok) throw new Error(`refused: ${result.issues[0]?.message}`)
  const fresh = (id: string) => result.doc.nodes.find((n) => n.id === id)
  return { doc, clip, after: result.doc, pasted, fresh }
}

describe('copyNodes and pasteCommands', () => {
  it('pastes copies under fresh ids, leaving the originals alone', () => {
    const { doc, after, pasted } = copyAndPaste(['prompt2', 'shot2'], [0, 0])
    expect(pasted).toHaveLength(2)
    expect(new Set(pasted).size).toBe(2)
    for (const id of pasted) expect(doc.nodes.some((n) => n.id === id)).toBe(false)
    expect(after.nodes.slice(0, doc.nodes.length)).toEqual(doc.nodes)
    expect(after.nodes).toHaveLength(doc.nodes.length + 2)
  })

  it('re-wires the edges between copied nodes to the copies and drops the edges leaving them', () => {
    const { doc, clip, after, pasted, fresh } = copyAndPaste(['prompt2', 'shot2'], [0, 0])
    expect(clip.edges.map((e) => e.id)).toEqual(['prompt2'])
    const [prompt, shot] = pasted.map(fresh)
    expect([prompt?.type, shot?.type]).toEqual(['prompt', 'kling-o1-i2v'])
    const newEdges = after.edges.slice(doc.edges.length)
    expect(newEdges).toEqual([
      expect.objectContaining({
        from: { node: prompt?.id, port: 'text' },
        to: { node: shot?.id, port: 'prompt' },
      }),
    ])
    expect(doc.edges.some((e) => e.id === newEdges[0]?.id)).toBe(false)
  })

  it('drops an edge of a hand-edited clip whose other end was not copied', () => {
    const doc = threeShotChain()
    const copied = copyNodes(doc, ['shot2']) as Clip
    const start2 = doc.edges.find((e) => e.id === 'start2')
    const clip: Clip = { ...copied, edges: start2 ? [start2] : [] }
    const { commands } = pasteCommands(doc, clip, [0, 0])
    expect(commands.map((c) => c.type)).toEqual(['addNode'])
  })

  it('keeps the copied layout, its top-left corner at the given point', () => {
    // prompt2 sits at (640, 380) and shot2 at (940, 0): the box's corner is (640, 0).
    const { pasted, fresh } = copyAndPaste(['prompt2', 'shot2'], [100, 50])
    expect(pasted.map((id) => fresh(id)?.position)).toEqual([
      [100, 430],
      [400, 50],
    ])
  })

  it('pastes twice without the second paste reusing the first one’s ids', () => {
    const { after, pasted } = copyAndPaste(['prompt2', 'shot2'], [0, 0])
    const clip = copyNodes(after, pasted) as Clip
    const again = pasteCommands(after, clip, [0, 600])
    expect(applyCommands(after, again.commands, { registry }).ok).toBe(true)
    for (const id of again.ids) expect(after.nodes.some((n) => n.id === id)).toBe(false)
  })

  it('names a pasted node after its type, as the palette does: its id stem, else the type', () => {
    const doc = threeShotChain()
    const clip = copyNodes(doc, ['prompt2', 'shot2', 'shot3']) as Clip
    expect(pasteCommands(doc, clip, [0, 0], registry).ids).toEqual(['prompt-1', 'shot-1', 'shot-2'])
  })

  it('copies nothing when nothing is selected', () => {
    expect(copyNodes(threeShotChain(), [])).toBeUndefined()
    expect(copyNodes(threeShotChain(), ['nowhere'])).toBeUndefined()
  })
})

describe('readClip', () => {
  it('reads back what was copied', () => {
    const clip = copyNodes(threeShotChain(), ['shot1', 'prompt1'])
    expect(readClip(JSON.stringify(clip))).toEqual(clip)
  })

  it.each([
    ['plain text', 'a shot of the harbour'],
    ['empty text', ''],
    ['JSON that is not an object', '42'],
    ['null', 'null'],
    ['an object of another kind', '{"nodes":[],"edges":[]}'],
    ['a clip without edges', '{"format":"shotchain.clip","nodes":[]}'],
    ['a clip whose nodes are not a list', '{"format":"shotchain.clip","nodes":{},"edges":[]}'],
    ['a workflow file', serializeWorkflow(threeShotChain())],
    ['a clip with a node without a place', clipText([{ id: 'a', type: 'prompt', params: {} }])],
    ['a clip with a node without an id', clipText([{ type: 'prompt', position: [0, 0] }])],
    ['a clip with an edge without ends', clipText([PROMPT], [{ id: 'e' }])],
  ])('refuses %s', (_, text) => {
    expect(readClip(text)).toBeUndefined()
  })

  it('reads a clip the document refuses, which then pastes nothing at all', () => {
    const doc = threeShotChain()
    const bad = { id: 'b', type: 'prompt', position: [0, 100], params: 'not params' }
    const clip = readClip(clipText([PROMPT, bad]))
    expect(clip).toBeDefined()
    if (clip === undefined) return
    const result = applyCommands(doc, pasteCommands(doc, clip, [0, 0]).commands, { registry })
    expect(result.ok).toBe(false)
  })
})
