import type { AnyNodeSpec, WorkflowNode } from '@shotchain/graph'
import { describe, expect, it } from 'vitest'
import { registry } from '../testing/documents.ts'
import { GENERIC_BODY_HEIGHT, type NodeViews } from '../views/node-view.ts'
import { documentBounds } from './bounds.ts'
import { GEOMETRY, portLayout } from './geometry.ts'
import { nodeSize } from './node-size.ts'

const prompt = registry.get('prompt') as AnyNodeSpec
const node = (id: string, params: Record<string, unknown> = {}): WorkflowNode => ({
  id,
  type: 'prompt',
  position: [0, 0],
  params,
})
/** Border, header and port rows: what every card has above its body. */
const above = 2 * GEOMETRY.border + portLayout(prompt, []).portsBottom

describe('nodeSize', () => {
  it('gives a type without a view the generic body height', () => {
    expect(nodeSize(node('a'), prompt, [], {})).toEqual({
      width: GEOMETRY.width,
      height: above + GENERIC_BODY_HEIGHT,
    })
  })

  it('takes the body height its view declares, fixed or per node', () => {
    const fixed: NodeViews = { prompt: { bodyHeight: 124 } }
    expect(nodeSize(node('a'), prompt, [], fixed).height).toBe(above + 124)
    const perNode: NodeViews = {
      prompt: { bodyHeight: (n) => (n.params.tall === true ? 300 : 10) },
    }
    expect(nodeSize(node('a', { tall: true }), prompt, [], perNode).height).toBe(above + 300)
    expect(nodeSize(node('b'), prompt, [], perNode).height).toBe(above + 10)
  })

  it('sizes the bounds fit-to-view and the minimap use with the same views', () => {
    const doc = {
      format: 'shotchain.workflow' as const,
      version: 1 as const,
      name: 'one prompt',
      nodes: [node('a')],
      edges: [],
    }
    const views: NodeViews = { prompt: { bodyHeight: 124 } }
    expect(documentBounds(doc, registry, undefined, views)?.bottom).toBe(above + 124)
    expect(documentBounds(doc, registry)?.bottom).toBe(above + GENERIC_BODY_HEIGHT)
  })
})
