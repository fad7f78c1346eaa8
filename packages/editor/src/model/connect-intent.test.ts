import { applyCommands, type WorkflowDocument } from '@shotchain/graph'
import { describe, expect, it } from 'vitest'
import { addNode, build, connect, listOrder, registry } from '../testing/documents.ts'
import { connectIntent, type SocketRef } from './connect-intent.ts'

const out = (node: string, port: string): SocketRef => ({ node, side: 'output', port })
const into = (node: string, port: string): SocketRef => ({ node, side: 'input', port })

/** An image into `shot`, `shot`'s last frame into `next`, a prompt not yet wired, a sequence. */
function workflow(): WorkflowDocument {
  return build([
    addNode('img', 'image-source'),
    addNode('p', 'prompt'),
    addNode('shot', 'kling-o1-i2v'),
    addNode('next', 'kling-o1-i2v'),
    addNode('seq', 'sequence'),
    connect('start', 'img.image', 'shot.start'),
    connect('chain', 'shot.lastFrame', 'next.start'),
  ])
}

describe('connectIntent', () => {
  it('connects a prompt to a shot, whichever socket the drag starts from', () => {
    const doc = workflow()
    const forward = connectIntent(doc, registry, out('p', 'text'), into('shot', 'prompt'), 'e1')
    const backward = connectIntent(doc, registry, into('shot', 'prompt'), out('p', 'text'), 'e1')
    expect(forward).toEqual({
      ok: true,
      command: {
        type: 'connect',
        edge: { id: 'e1', from: { node: 'p', port: 'text' }, to: { node: 'shot', port: 'prompt' } },
      },
    })
    expect(backward).toEqual(forward)
  })

  it('refuses an image into a prompt input, naming both types', () => {
    const intent = connectIntent(
      workflow(),
      registry,
      out('img', 'image'),
      into('next', 'prompt'),
      'e1',
    )
    expect(intent.ok).toBe(false)
    if (intent.ok) return
    expect(intent.reason).toMatch(/\bimage\b/)
    expect(intent.reason).toMatch(/\btext\b/)
  })

  it('refuses a second edge into a shot’s start frame', () => {
    const doc = workflow()
    const intent = connectIntent(
      doc,
      registry,
      out('next', 'lastFrame'),
      into('shot', 'start'),
      'e1',
    )
    expect(intent).toEqual({ ok: false, reason: expect.stringContaining('already has an edge') })
  })

  it('refuses joining two outputs, or two inputs', () => {
    const doc = workflow()
    const outputs = connectIntent(doc, registry, out('p', 'text'), out('img', 'image'), 'e1')
    const inputs = connectIntent(doc, registry, into('shot', 'end'), into('next', 'end'), 'e1')
    expect(outputs).toEqual({ ok: false, reason: expect.stringContaining('two outputs') })
    expect(inputs).toEqual({ ok: false, reason: expect.stringContaining('two inputs') })
  })

  it('refuses an edge that would loop back, naming the cycle', () => {
    const doc = workflow()
    const intent = connectIntent(doc, registry, out('next', 'lastFrame'), into('shot', 'end'), 'e1')
    expect(intent).toEqual({ ok: false, reason: expect.stringContaining('cycle') })
  })

  it('gives the first clip into a sequence order 0', () => {
    const doc = build([addNode('a', 'kling-o1-i2v'), addNode('seq', 'sequence')])
    const intent = connectIntent(doc, registry, out('a', 'video'), into('seq', 'clips'), 'ca')
    expect(intent.ok && intent.command.edge.order).toBe(0)
  })

  it('puts a new clip after the last one in a sequence', () => {
    // Orders need not be consecutive: a reorder or "add next shot" leaves gaps and halves.
    const doc = build([
      addNode('a', 'kling-o1-i2v'),
      addNode('b', 'kling-o1-i2v'),
      addNode('c', 'kling-o1-i2v'),
      addNode('seq', 'sequence'),
      connect('cb', 'b.video', 'seq.clips', 4.5),
      connect('ca', 'a.video', 'seq.clips', 0),
    ])
    const intent = connectIntent(doc, registry, into('seq', 'clips'), out('c', 'video'), 'cc')
    expect(intent.ok && intent.command.edge.order).toBe(5.5)
    if (!intent.ok) return
    const result = applyCommands(doc, intent.command, { registry })
    expect(result.ok && listOrder(result.doc, 'seq', 'clips')).toEqual(['ca', 'cb', 'cc'])
  })

  it('leaves the document as it was when it refuses', () => {
    const doc = workflow()
    const before = structuredClone(doc)
    connectIntent(doc, registry, out('next', 'lastFrame'), into('shot', 'start'), 'e1')
    connectIntent(doc, registry, out('next', 'lastFrame'), into('shot', 'end'), 'e1')
    connectIntent(doc, registry, out('img', 'image'), into('next', 'prompt'), 'e1')
    expect(doc).toEqual(before)
  })
})
