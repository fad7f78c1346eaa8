import { createRegistry, defineNode, type NodeRegistry } from '@shotchain/graph'
import { z } from 'zod'
import { noopValue } from './noop-value.ts'
import { INPUT_PORTS } from './random-dag.ts'

export const NOOP_TYPE = 'bench-noop'

/** The bench's only node type: optional text inputs a, b, c and one text output. */
export const noopNode = defineNode({
  type: NOOP_TYPE,
  version: 1,
  title: 'No-op',
  inputs: { a: { type: 'text' }, b: { type: 'text' }, c: { type: 'text' } },
  outputs: { out: { type: 'text' } },
  params: z.object({ n: z.number().default(0) }),
  run: async (ctx) => ({
    out: noopValue(
      ctx.params.n,
      INPUT_PORTS.map((port) => ctx.inputs[port]),
    ),
  }),
})

export function createNoopRegistry(): NodeRegistry {
  return createRegistry([noopNode])
}
