import { applyCommands, createDocument } from '@shotchain/graph'
import { describe, expect, it } from 'vitest'
import { imageNodeCommands } from './image-node-commands.ts'

describe('imageNodeCommands', () => {
  it('adds an image-source node at the drop point with the stored path', () => {
    const doc = createDocument('Drop')
    const commands = imageNodeCommands(doc, ['/home/me/.shotchain/media/ab/abc.png'], [120, -40])
    expect(commands).toEqual([
      {
        type: 'addNode',
        node: {
          id: 'image',
          type: 'image-source',
          position: [120, -40],
          params: { path: '/home/me/.shotchain/media/ab/abc.png' },
        },
      },
    ])
  })

  it('gives several images free ids and staggered places, and they all apply', () => {
    const doc = {
      ...createDocument('Busy'),
      nodes: [
        { id: 'image', type: 'image-source', position: [0, 0] as const, params: { path: 'x' } },
        { id: 'image3', type: 'prompt', position: [0, 0] as const, params: { text: 'y' } },
      ],
    }
    const commands = imageNodeCommands(doc, ['a', 'b', 'c'], [10, 10])
    expect(commands.map((c) => [c.node.id, c.node.position])).toEqual([
      ['image2', [10, 10]],
      ['image4', [42, 42]],
      ['image5', [74, 74]],
    ])
    const applied = applyCommands(doc, commands)
    expect(applied.ok && applied.doc.nodes.length).toBe(5)
  })
})
