import { describe, expect, it } from 'vitest'
import { planIssues } from '../testing/plan-issues.ts'
import { link, node, workflow } from '../testing/workflows.ts'
import { outputNode } from './output.ts'

function output(connected: boolean, name = 'result') {
  return workflow(
    [node('img', 'image-source', { path: 'frames/start.png' }), node('out', 'output', { name })],
    connected ? [link('img.image', 'out.image')] : [],
  )
}

describe('output', () => {
  it('refuses an output with nothing connected, naming the node', async () => {
    expect(await planIssues(output(false))).toContainEqual(
      expect.objectContaining({
        severity: 'error',
        nodeId: 'out',
        path: 'nodes[1]',
        field: 'video',
      }),
    )
  })

  it('refuses an output with both a video and an image connected', async () => {
    const doc = workflow(
      [
        node('img', 'image-source', { path: 'frames/start.png' }),
        node('v', 'image-source', { path: 'frames/end.png' }),
        node('shot', 'kling-o1-i2v'),
        node('p', 'prompt', { text: '@Image1' }),
        node('out', 'output', { name: 'both' }),
      ],
      [
        link('v.image', 'shot.start'),
        link('p.text', 'shot.prompt'),
        link('shot.video', 'out.video'),
        link('img.image', 'out.image'),
      ],
    )
    expect(await planIssues(doc)).toEqual([
      expect.objectContaining({
        severity: 'error',
        nodeId: 'out',
        message: expect.stringContaining('both a video and an image'),
      }),
    ])
  })

  it.each([['../escape'], ['.hidden'], ['a/b'], ['x'.repeat(101)]])(
    'refuses the name %j',
    async (name) => {
      expect(await planIssues(output(true, name))).toEqual([
        expect.objectContaining({ code: 'invalid-param', path: 'nodes[1].params.name' }),
      ])
    },
  )

  it('takes a safe file name, or none (a new node: its id names the file)', async () => {
    expect(await planIssues(output(true, 'final_cut-2.v1'))).toEqual([])
    expect(await planIssues(output(true, ''))).toEqual([])
    expect(outputNode.params.parse({})).toEqual({ name: '' })
  })

  it('refuses a second output under a name another output keeps, at its name', async () => {
    const named = (a: string, b: string, c: string) =>
      workflow(
        [
          node('img', 'image-source', { path: 'frames/start.png' }),
          node('a', 'output', { name: a }),
          node('b', 'output', { name: b }),
          node('out-3', 'output', { name: c }),
        ],
        [
          link('img.image', 'a.image'),
          link('img.image', 'b.image'),
          link('img.image', 'out-3.image'),
        ],
      )
    expect(await planIssues(named('still', 'other', 'out-3'))).toEqual([])
    expect(await planIssues(named('still', 'still', ''))).toEqual([
      expect.objectContaining({
        code: 'node-check',
        nodeId: 'b',
        path: 'nodes[2].params.name',
        message: 'output "a" already keeps its result as "still": give this one another name',
      }),
    ])
    // No name: the node's id, which may clash with a name another output was given.
    expect(await planIssues(named('out-3', 'x', ''))).toEqual([
      expect.objectContaining({ nodeId: 'out-3', field: 'name' }),
    ])
  })
})
