import { z } from 'zod'
import {
  WORKFLOW_FORMAT,
  WORKFLOW_VERSION,
  type WorkflowDocument,
  type WorkflowEdge,
  type WorkflowNode,
} from '../document/types.ts'
import { defineNode } from '../spec/node-spec.ts'
import { createRegistry, type NodeRegistry } from '../spec/registry.ts'

// Node types shaped like the built-in pack, for tests of this package only.

const notRun = async () => {
  throw new Error('test specs are not run')
}

export const imageSource = defineNode({
  type: 'image-source',
  version: 1,
  title: 'Image',
  inputs: {},
  outputs: { image: { type: 'image' } },
  params: z.object({ url: z.string().min(1) }),
  run: notRun,
})

export const prompt = defineNode({
  type: 'prompt',
  version: 1,
  title: 'Prompt',
  inputs: {},
  outputs: { text: { type: 'text' } },
  params: z.object({ text: z.string().default('') }),
  run: notRun,
})

export const kling = defineNode({
  type: 'kling-o1-i2v',
  version: 1,
  title: 'Kling O1',
  inputs: {
    start: { type: 'image', required: true },
    end: { type: 'image' },
    prompt: { type: 'text', required: true },
  },
  outputs: { video: { type: 'video' }, lastFrame: { type: 'image' } },
  params: z.object({
    duration: z.number().int().min(3).max(10).default(5),
    tier: z.enum(['standard', 'pro']).default('standard'),
    note: z.string().default(''),
  }),
  check: ({ params, isConnected }) => [
    ...(params.note.includes('@Image2') && !isConnected('end')
      ? [{ message: '@Image2 needs an end frame', severity: 'error' as const, field: 'end' }]
      : []),
    ...(params.duration > 8
      ? [{ message: 'long shots cost more', severity: 'warning' as const, field: 'duration' }]
      : []),
  ],
  run: notRun,
})

export const sequence = defineNode({
  type: 'sequence',
  version: 1,
  title: 'Sequence',
  inputs: { clips: { type: 'video', required: true, list: true } },
  outputs: { video: { type: 'video' } },
  params: z.object({}),
  isOutput: true,
  run: notRun,
})

/** Text in, text out: for long chains. */
export const relay = defineNode({
  type: 'relay',
  version: 1,
  title: 'Relay',
  inputs: { in: { type: 'text', required: true } },
  outputs: { out: { type: 'text' } },
  params: z.object({}),
  run: notRun,
})

export function testRegistry(): NodeRegistry {
  return createRegistry([imageSource, prompt, kling, sequence, relay])
}

export function node(id: string, type: string, params: Record<string, unknown> = {}): WorkflowNode {
  return { id, type, position: [0, 0], params }
}

export function edge(
  id: string,
  from: string,
  fromPort: string,
  to: string,
  toPort: string,
  order?: number,
): WorkflowEdge {
  return {
    id,
    from: { node: from, port: fromPort },
    to: { node: to, port: toPort },
    ...(order === undefined ? {} : { order }),
  }
}

export function doc(
  nodes: readonly WorkflowNode[],
  edges: readonly WorkflowEdge[] = [],
): WorkflowDocument {
  return { format: WORKFLOW_FORMAT, version: WORKFLOW_VERSION, name: 'Test', nodes, edges }
}

/** A valid two-shot chain: img → shot1 → (lastFrame) → shot2, both into a sequence. */
export function twoShotChain(): WorkflowDocument {
  return doc(
    [
      node('img', 'image-source', { url: 'a.png' }),
      node('p1', 'prompt', { text: 'a cat' }),
      node('p2', 'prompt', { text: 'the cat jumps' }),
      node('shot1', 'kling-o1-i2v', { duration: 5 }),
      node('shot2', 'kling-o1-i2v', { duration: 5 }),
      node('seq', 'sequence'),
    ],
    [
      edge('e1', 'img', 'image', 'shot1', 'start'),
      edge('e2', 'p1', 'text', 'shot1', 'prompt'),
      edge('e3', 'shot1', 'lastFrame', 'shot2', 'start'),
      edge('e4', 'p2', 'text', 'shot2', 'prompt'),
      edge('e5', 'shot1', 'video', 'seq', 'clips', 0),
      edge('e6', 'shot2', 'video', 'seq', 'clips', 1),
    ],
  )
}
