import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { createDocument } from '../document/types.ts'
import { defineNode } from '../spec/node-spec.ts'
import { createRegistry } from '../spec/registry.ts'
import { validateDocument } from './validate-document.ts'

const text = defineNode({
  type: 'text',
  version: 1,
  title: 'Text',
  inputs: {},
  outputs: { text: { type: 'text' } },
  params: z.object({ value: z.string().default('') }),
  run: async (ctx) => ({ text: ctx.params.value }),
})

/** Refuses text that mentions @Image2 unless its `end` input is connected, like the Kling node. */
const shot = defineNode({
  type: 'shot',
  version: 1,
  title: 'Shot',
  inputs: { prompt: { type: 'text', required: true }, end: { type: 'text' } },
  outputs: {},
  params: z.object({}),
  check: ({ upstream, isConnected }) => {
    const prompt = upstream('prompt')?.params as { value?: string } | undefined
    return prompt?.value?.includes('@Image2') && !isConnected('end')
      ? [{ message: 'names @Image2 with no end frame', severity: 'error', field: 'end' }]
      : []
  },
  run: async () => ({}),
})

const registry = createRegistry([text, shot])

function docWith(prompt: string) {
  return {
    ...createDocument(),
    nodes: [
      { id: 'p', type: 'text', position: [0, 0] as const, params: { value: prompt } },
      { id: 's', type: 'shot', position: [0, 0] as const, params: {} },
    ],
    edges: [{ id: 'e', from: { node: 'p', port: 'text' }, to: { node: 's', port: 'prompt' } }],
  }
}

describe('a node check reading what feeds it', () => {
  it('sees the upstream node and its parsed params', () => {
    expect(validateDocument(docWith('go to @Image2'), registry)).toEqual([
      expect.objectContaining({ code: 'node-check', nodeId: 's', field: 'end', path: 'nodes[1]' }),
    ])
    expect(validateDocument(docWith('go to @Image1'), registry)).toEqual([])
  })
})
