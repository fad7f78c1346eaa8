import { ERROR_CODES, ShotchainError } from '@shotchain/errors'
import { createRegistry, defineNode } from '@shotchain/graph'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { createMemoryCache } from '../cache/cache-store.ts'
import { edge, stepNode, testDocument } from '../testing/fixtures.ts'
import { fingerprintDocument } from './fingerprint-document.ts'
import { createPlanMemo } from './plan-memo.ts'
import { planRun } from './plan-run.ts'

type Files = Map<string, string>

/** Reads a "file" from the services' map; its fingerprint is the file's content. */
const file = defineNode<{ path: string }, Files>({
  type: 'file',
  version: 1,
  title: 'File',
  inputs: {},
  outputs: { out: { type: 'text' } },
  params: z.object({ path: z.string() }),
  fingerprint: async (params, files) => {
    const content = files.get(params.path)
    if (content === undefined) {
      throw new ShotchainError(ERROR_CODES.validation, `no file ${params.path}`, { field: 'path' })
    }
    return content
  },
  run: async (ctx) => ({ out: ctx.services.get(ctx.params.path) }),
})

const step = defineNode({
  type: 'step',
  version: 1,
  title: 'Step',
  inputs: { a: { type: 'text' } },
  outputs: { out: { type: 'text' } },
  params: z.object({ label: z.string() }),
  run: async () => ({ out: '' }),
})

const registry = createRegistry([file, step])
const doc = testDocument(
  [{ id: 'f', type: 'file', position: [0, 0], params: { path: 'a.png' } }, stepNode('s')],
  [edge('f', 's')],
)

describe('fingerprintDocument', () => {
  it('keys a node by what it reads from outside the document, memo or not', async () => {
    const memo = createPlanMemo()
    const keysFor = async (content: string) => {
      const { fingerprints, issues } = await fingerprintDocument(
        doc,
        registry,
        new Map([['a.png', content]]),
      )
      expect(issues).toEqual([])
      const plan = planRun(doc, registry, { fingerprints, memo, cache: createMemoryCache() })
      return plan.ok ? plan.plan.nodes.map((n) => n.cacheKey) : []
    }
    const before = await keysFor('v1')
    const after = await keysFor('v2')
    expect(after[0]).not.toBe(before[0])
    expect(after[1]).not.toBe(before[1])
    expect(await keysFor('v1')).toEqual(before)
  })

  it('reports what it cannot read as an issue naming the node and field', async () => {
    const { issues } = await fingerprintDocument(doc, registry, new Map())
    expect(issues).toEqual([
      expect.objectContaining({
        nodeId: 'f',
        field: 'path',
        path: 'nodes[0].params.path',
        message: 'no file a.png',
      }),
    ])
  })
})
