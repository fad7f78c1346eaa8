import type { RunEvent } from '@shotchain/engine'
import { describe, expect, it } from 'vitest'
import type { MediaRef } from './services.ts'
import { createTestStores, planWorkflow, runWorkflow } from './testing/run-workflow.ts'
import { chainWorkflow } from './testing/workflows.ts'

const started = (events: readonly RunEvent[]) =>
  events.flatMap((e) => (e.type === 'node-started' ? [e.nodeId] : []))

describe('a three-shot chain through the real engine', () => {
  it('runs every shot once, chains last frames into starts and joins the clips in order', async () => {
    const stores = createTestStores()
    const { plan, result } = await runWorkflow(chainWorkflow({ shots: 3 }), stores)

    expect(result.status).toBe('succeeded')
    expect(plan.estimate.usd).toBeCloseTo(3 * 5 * 0.084, 9)
    expect(plan.estimate.usd).toBeCloseTo(1.26, 9)
    const fal = stores.services.fal
    expect(fal.jobs.map((j) => j.endpoint)).toEqual(
      Array(3).fill('fal-ai/kling-video/o1/standard/image-to-video'),
    )
    const clips = ['shot1', 'shot2', 'shot3'].map((id) => result.outputs.get(id)?.video)
    expect(clips.map((c) => (c as MediaRef).hash)).toEqual([
      'clip:req-1',
      'clip:req-2',
      'clip:req-3',
    ])
    const stitched = stores.services.calls.stitch[0]
    expect(stitched?.clips.map((c) => c.media)).toEqual(clips)
    expect(result.outputs.get('seq')?.editList).toEqual(stitched)
    // Shot k+1 starts from the last frame of shot k, uploaded for fal.
    const frame1 = result.outputs.get('shot1')?.lastFrame as MediaRef
    expect(frame1.hash).toBe('image:frame(last):clip:req-1')
    expect(fal.jobs[1]?.input.start_image_url).toBe(
      `https://fake.fal/storage/${encodeURIComponent(frame1.hash)}`,
    )
    expect(fal.jobs[0]?.input).toMatchObject({
      duration: '5',
      prompt: expect.stringContaining('shot 1'),
    })
    expect(result.outputs.get('out')).toEqual({ media: result.outputs.get('seq')?.video })
  })

  it('pays nothing on a second run of the same workflow', async () => {
    const stores = createTestStores()
    const doc = chainWorkflow({ shots: 3 })
    await runWorkflow(doc, stores)
    const again = await runWorkflow(doc, stores)

    expect(again.result.status).toBe('succeeded')
    expect(again.plan.estimate).toMatchObject({ usd: 0, run: 0 })
    expect(stores.services.fal.jobs).toHaveLength(3)
    expect(started(again.events)).toEqual([])
  })

  it("re-runs shots 2 and 3 only after shot 2's prompt is edited", async () => {
    const stores = createTestStores()
    await runWorkflow(chainWorkflow({ shots: 3 }), stores)
    const edited = chainWorkflow({
      shots: 3,
      prompt: (k) =>
        k === 2 ? '@Image1 the camera turns left' : `@Image1 shot ${k}: the camera drifts forward`,
    })
    const planned = await planWorkflow(edited, stores)
    expect(planned.ok && planned.plan.estimate.usd).toBeCloseTo(2 * 5 * 0.084, 9)

    const { result, events } = await runWorkflow(edited, stores)
    expect(result.status).toBe('succeeded')
    expect(stores.services.fal.jobs).toHaveLength(5)
    expect(started(events).filter((id) => id.startsWith('shot'))).toEqual(['shot2', 'shot3'])
    expect(stores.services.fal.jobs[3]?.input.prompt).toBe('@Image1 the camera turns left')
  })

  it('re-runs everything downstream when the start image file changes', async () => {
    const stores = createTestStores()
    const doc = chainWorkflow({ shots: 3 })
    await runWorkflow(doc, stores)
    stores.services.files.set('frames/start.png', { content: 'start v2' })
    const { result, events } = await runWorkflow(doc, stores)

    expect(result.status).toBe('succeeded')
    expect(stores.services.fal.jobs).toHaveLength(6)
    expect(started(events)).toEqual(
      expect.arrayContaining(['img', 'shot1', 'shot2', 'shot3', 'seq', 'out']),
    )
    expect(started(events)).not.toContain('p1')
  })
})
