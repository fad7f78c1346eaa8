import { describe, expect, it } from 'vitest'
import { planIssues } from '../testing/plan-issues.ts'
import { createTestStores, runWorkflow } from '../testing/run-workflow.ts'
import { link, node, workflow } from '../testing/workflows.ts'

/** A 5-second shot whose video feeds `extract-frame`, kept by an output. */
function frameOf(at: unknown) {
  return workflow(
    [
      node('img', 'image-source', { path: 'frames/start.png' }),
      node('p', 'prompt', { text: '@Image1 waves' }),
      node('shot', 'kling-o1-i2v', { duration: 5 }),
      node('frame', 'extract-frame', at === undefined ? {} : { at }),
      node('out', 'output', { name: 'still' }),
    ],
    [
      link('img.image', 'shot.start'),
      link('p.text', 'shot.prompt'),
      link('shot.video', 'frame.video'),
      link('frame.image', 'out.image'),
    ],
  )
}

describe('extract-frame', () => {
  it.each([
    [undefined, 'last'],
    ['first', 'first'],
    [2.5, 2.5],
  ])('takes the frame at %j of the video', async (at, expected) => {
    const stores = createTestStores()
    const { result } = await runWorkflow(frameOf(at), stores)
    expect(result.status).toBe('succeeded')
    expect(result.outputs.get('frame')?.image).toMatchObject({
      kind: 'image',
      hash: `image:frame(${expected}):clip:req-1`,
    })
  })

  it('refuses a time past the end of the video, naming "at"', async () => {
    const { result } = await runWorkflow(frameOf(7), createTestStores())
    expect(result.errors).toEqual([
      expect.objectContaining({ code: 'validation', nodeId: 'frame', field: 'at' }),
    ])
    expect(result.errors[0]?.message).toContain('lasts 5 s')
  })

  it.each([[-1], ['middle']])('refuses at = %j with an issue at its path', async (at) => {
    expect(await planIssues(frameOf(at))).toEqual([
      expect.objectContaining({
        code: 'invalid-param',
        path: 'nodes[3].params.at',
        message: 'must be "first", "last" or a time in seconds (0 or more)',
      }),
    ])
  })
})
