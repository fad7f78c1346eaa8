import { describe, expect, it } from 'vitest'
import { createFakeServices } from '../testing/fake-services.ts'
import { planIssues } from '../testing/plan-issues.ts'
import { fakeRunContext } from '../testing/run-context.ts'
import { createTestStores, runWorkflow } from '../testing/run-workflow.ts'
import { link, node, workflow } from '../testing/workflows.ts'
import { sequenceNode } from './sequence.ts'

describe('sequence', () => {
  it("joins clips in their edges' order, not the order edges are listed in", async () => {
    const shots = [1, 2, 3]
    const doc = workflow(
      [
        node('img', 'image-source', { path: 'frames/start.png' }),
        node('p', 'prompt', { text: '@Image1 waves' }),
        ...shots.map((k) => node(`shot${k}`, 'kling-o1-i2v', { duration: 2 + k })),
        node('seq', 'sequence'),
        node('out', 'output', { name: 'seq' }),
      ],
      [
        ...shots.flatMap((k) => [
          link('img.image', `shot${k}.start`),
          link('p.text', `shot${k}.prompt`),
        ]),
        link('shot2.video', 'seq.clips', 1),
        link('shot3.video', 'seq.clips', 2),
        link('shot1.video', 'seq.clips', 3),
        link('seq.video', 'out.video'),
      ],
    )
    const stores = createTestStores()
    const { result } = await runWorkflow(doc, stores)
    const durations = stores.services.calls.concat[0]?.map((clip) => clip.durationSec)
    expect(durations).toEqual([4, 5, 3])
    expect(result.outputs.get('seq')?.video).toMatchObject({ durationSec: 12 })
  })

  it('refuses to plan a sequence with no clips, naming "clips"', async () => {
    const doc = workflow(
      [node('seq', 'sequence'), node('out', 'output', { name: 'seq' })],
      [link('seq.video', 'out.video')],
    )
    expect(await planIssues(doc)).toEqual([
      expect.objectContaining({ code: 'missing-input', nodeId: 'seq', field: 'clips' }),
    ])
  })

  it('refuses to run on an empty list of clips', async () => {
    const services = createFakeServices()
    const ctx = fakeRunContext({}, { clips: [] }, services)
    await expect(sequenceNode.run(ctx)).rejects.toMatchObject({
      code: 'validation',
      field: 'clips',
    })
    expect(services.calls.concat).toEqual([])
  })

  it('is free', () => {
    expect(sequenceNode.cost).toBeUndefined()
  })
})
