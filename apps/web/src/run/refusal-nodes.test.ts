import { describe, expect, it } from 'vitest'
import { nodesAtFault } from './refusal-nodes.ts'

describe('nodesAtFault', () => {
  it('names each node with an error once, leaving warnings and issues on no node', () => {
    const ids = nodesAtFault({
      message: 'the workflow cannot be used: node shot2, nodes[2].params.duration: too long',
      issues: [
        {
          path: 'nodes[2].params.duration',
          message: 'too long',
          nodeId: 'shot2',
          severity: 'error',
        },
        { path: 'nodes[2].params.tier', message: 'unknown', nodeId: 'shot2', severity: 'error' },
        { path: 'nodes[3]', message: 'names no frame', nodeId: 'shot3', severity: 'warning' },
        { path: 'name', message: 'empty', severity: 'error' },
        { path: 'nodes[0].params.path', message: 'too small', nodeId: 'image', severity: 'error' },
      ],
    })
    expect(ids).toEqual(['shot2', 'image'])
  })
})
