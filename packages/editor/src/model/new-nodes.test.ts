import { applyCommands, createDocument, type WorkflowDocument } from '@shotchain/graph'
import { describe, expect, it } from 'vitest'
import { registry } from '../testing/documents.ts'
import { fileFillCommands, fileNodeCommands, newNodeCommand } from './new-nodes.ts'

const PATH = '/home/me/.shotchain/media/ab/abc.png'

describe('newNodeCommand', () => {
  it('gives a new node a readable id, its spec’s defaults and whole-pixel coordinates', () => {
    const command = newNodeCommand(createDocument('Empty'), registry, 'kling-o1-i2v', [10.4, 20.6])
    expect(command.node).toEqual({
      id: 'shot-1',
      type: 'kling-o1-i2v',
      position: [10, 21],
      params: { duration: 5, tier: 'standard' },
    })
  })

  it('steps down and right of a node already at the spot', () => {
    const doc: WorkflowDocument = {
      ...createDocument('Busy'),
      nodes: [{ id: 'prompt-1', type: 'prompt', position: [100, 100], params: { text: 'x' } }],
    }
    const command = newNodeCommand(doc, registry, 'prompt', [110, 90], { text: 'y' })
    expect(command.node).toMatchObject({
      id: 'prompt-2',
      position: [150, 130],
      params: { text: 'y' },
    })
  })
})

describe('fileNodeCommands', () => {
  const png = (path: string) => ({ path, contentType: 'image/png' })

  it('adds the node its pack makes of an image (image-source) at the drop point', () => {
    const commands = fileNodeCommands(createDocument('Drop'), registry, [png(PATH)], [120, -40])
    expect(commands).toEqual([
      {
        type: 'addNode',
        node: { id: 'image-1', type: 'image-source', position: [120, -40], params: { path: PATH } },
      },
    ])
  })

  it('gives several images free ids and places of their own, and they all apply', () => {
    const doc: WorkflowDocument = {
      ...createDocument('Busy'),
      nodes: [
        { id: 'image-1', type: 'image-source', position: [10, 10], params: { path: 'x' } },
        { id: 'image-3', type: 'prompt', position: [500, 0], params: { text: 'y' } },
      ],
    }
    const commands = fileNodeCommands(doc, registry, ['a', 'b', 'c'].map(png), [10, 10])
    expect(commands.map((c) => [c.node.id, c.node.position])).toEqual([
      ['image-2', [50, 50]],
      ['image-4', [90, 90]],
      ['image-5', [130, 130]],
    ])
    const applied = applyCommands(doc, commands, { registry })
    expect(applied.ok && applied.doc.nodes.length).toBe(5)
  })

  it('adds an audio-source of a sound, keeping its name', () => {
    const song = { path: 'song.mp3', contentType: 'audio/mpeg', name: 'Theme.mp3' }
    const commands = fileNodeCommands(createDocument('Drop'), registry, [song], [0, 0])
    expect(commands.map((c) => [c.node.id, c.node.type, c.node.params])).toEqual([
      ['audio-1', 'audio-source', { path: 'song.mp3', name: 'Theme.mp3' }],
    ])
  })

  it('leaves out files no node type takes', () => {
    const files = [png('a'), { path: 'notes.pdf', contentType: 'application/pdf' }]
    const commands = fileNodeCommands(createDocument('Drop'), registry, files, [0, 0])
    expect(commands.map((c) => c.node.params)).toEqual([{ path: 'a' }])
  })
})

describe('fileFillCommands', () => {
  const doc: WorkflowDocument = {
    ...createDocument('Fill'),
    nodes: [
      {
        id: 'image-1',
        type: 'image-source',
        position: [0, 0],
        params: { url: 'https://a.test/x.png' },
      },
      { id: 'prompt-1', type: 'prompt', position: [300, 0], params: { text: 'dusk' } },
    ],
  }
  const file = { path: PATH, contentType: 'image/png', name: 'harbour.png' }

  it('makes an image node the dropped file’s, with its name, in place of its url', () => {
    const commands = fileFillCommands(doc, registry, 'image-1', file)
    const applied = applyCommands(doc, commands ?? [], { registry })
    expect(applied.ok && applied.doc.nodes[0]?.params).toEqual({ path: PATH, name: 'harbour.png' })
    expect(applied.ok && applied.doc.nodes.length).toBe(2)
  })

  it('refuses a node that takes no such file', () => {
    expect(fileFillCommands(doc, registry, 'prompt-1', file)).toBeUndefined()
    expect(
      fileFillCommands(doc, registry, 'image-1', { path: 'a.mp3', contentType: 'audio/mpeg' }),
    ).toBeUndefined()
    expect(fileFillCommands(doc, registry, 'nope', file)).toBeUndefined()
  })
})
