import type { RunEvent } from '@shotchain/engine'
import { describe, expect, it } from 'vitest'
import type { MediaRef } from '../services.ts'
import { createFakeServices, fakeImage } from '../testing/fake-services.ts'
import { planIssues } from '../testing/plan-issues.ts'
import { fakeRunContext } from '../testing/run-context.ts'
import { createTestStores, runWorkflow } from '../testing/run-workflow.ts'
import { chainWorkflow, link, node, workflow } from '../testing/workflows.ts'
import { type SequenceParams, sequenceNode } from './sequence.ts'

const started = (events: readonly RunEvent[]) =>
  events.flatMap((e) => (e.type === 'node-started' ? [e.nodeId] : []))

/** The three-shot chain with the sequence's params set. */
function chainWith(params: Partial<SequenceParams>) {
  const doc = chainWorkflow({ shots: 3 })
  return { ...doc, nodes: doc.nodes.map((n) => (n.id === 'seq' ? { ...n, params } : n)) }
}

/** Each clip's trim and transition as the sequence stitched them. */
async function stitchedCuts(params: Partial<SequenceParams>) {
  const stores = createTestStores()
  const { result } = await runWorkflow(chainWith(params), stores)
  const clips = stores.services.calls.stitch[0]?.clips ?? []
  return { result, cuts: clips.map((c) => [c.in ?? 0, c.out ?? c.frames, c.next]) }
}

describe('sequence', () => {
  it("joins clips in their edges' order, not the order edges are listed in", async () => {
    const shots = [1, 2, 3]
    const doc = workflow(
      [
        node('img', 'image-source', { path: 'frames/start.png' }),
        node('p', 'prompt', { text: '@Image1 waves' }),
        ...shots.map((k) => node(`shot${k}`, 'kling-o1-i2v', { duration: 2 + k })),
        // A version 1 sequence: no params at all.
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
    const frames = stores.services.calls.stitch[0]?.clips.map((clip) => clip.frames)
    expect(frames).toEqual([96, 120, 72])
    // Not chained (every shot starts on the same image): nothing is dropped.
    expect(result.outputs.get('seq')?.video).toMatchObject({ durationSec: 12 })
  })

  it('drops the repeated first frame of each chained shot, unless told not to', async () => {
    const cut = { kind: 'cut' }
    expect((await stitchedCuts({})).cuts).toEqual([
      [0, 120, cut],
      [1, 120, cut],
      [1, 120, cut],
    ])
    const kept = await stitchedCuts({ dropRepeatedFrames: false })
    expect(kept.cuts.map(([start]) => start)).toEqual([0, 0, 0])
    expect(kept.result.outputs.get('seq')?.video).toMatchObject({ durationSec: 15 })
  })

  it('trims and crossfades as the edits say, 12 frames by default', async () => {
    const { cuts, result } = await stitchedCuts({
      edits: [
        { out: 110, transition: 'crossfade' },
        { in: 4, transition: 'crossfade', crossfadeFrames: 6 },
      ],
    })
    expect(cuts).toEqual([
      [0, 110, { kind: 'crossfade', frames: 12 }],
      [4, 120, { kind: 'crossfade', frames: 6 }],
      // A crossfade, not a cut, leads into shot 3: its first frame is kept.
      [0, 120, { kind: 'cut' }],
    ])
    const frames = 110 + 116 + 120 - 12 - 6
    expect(result.outputs.get('seq')?.video).toMatchObject({ durationSec: frames / 24 })
    expect(result.outputs.get('seq')?.editList).toMatchObject({
      name: 'seq',
      rate: { numerator: 24, denominator: 1 },
    })
  })

  it.each([
    [[{}, { out: 130 }], 'edits[1].out', "130 is beyond clip 2's 120 frames"],
    [[{ in: 120 }], 'edits[0].in', "120 is beyond clip 1's 120 frames"],
    [[{ in: 50, out: 50 }], 'edits[0].out', '50 is not after in (50)'],
    [
      [{ out: 10, transition: 'crossfade' as const }],
      'edits[0].crossfadeFrames',
      'a crossfade of 12 frames is longer than clip 1 (10 frames played)',
    ],
    [
      [{ transition: 'crossfade' as const }, { out: 20, transition: 'crossfade' as const }],
      'edits[1].crossfadeFrames',
      'the crossfades into and out of clip 2 (12 + 12 frames) overlap on its 20 frames',
    ],
  ])('refuses edits that do not fit: %j names %s', async (edits, field, message) => {
    const stores = createTestStores()
    const { result } = await runWorkflow(chainWith({ edits }), stores)
    expect(result.errors).toEqual([
      expect.objectContaining({
        code: 'validation',
        nodeId: 'seq',
        field,
        message: `node "seq": ${field}: ${message}`,
      }),
    ])
  })

  it('re-runs only the sequence (and its output) when an edit changes', async () => {
    const stores = createTestStores()
    await runWorkflow(chainWith({}), stores)
    const again = await runWorkflow(chainWith({ edits: [{ out: 100 }] }), stores)
    expect(again.result.status).toBe('succeeded')
    expect(started(again.events).sort()).toEqual(['out', 'seq'])
    expect(stores.services.fal.jobs).toHaveLength(3)
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

  it("counts a clip of another frame rate at the first clip's", async () => {
    const services = createFakeServices()
    const rates = { a: [120, 24], b: [150, 30] } as Record<string, [number, number]>
    const media = {
      ...services.media,
      countFrames: async (video: MediaRef) => {
        const [frames, fps] = rates[video.hash] ?? [0, 1]
        return { frames, rate: { numerator: fps, denominator: 1 } }
      },
    }
    const clip = (hash: string) => ({ ...fakeImage(hash), kind: 'video' as const, hash })
    const params = sequenceNode.params.parse({})
    const ctx = fakeRunContext(params, { clips: [clip('a'), clip('b')] }, { ...services, media })
    await sequenceNode.run(ctx)
    expect(services.calls.stitch[0]).toMatchObject({
      rate: { numerator: 24, denominator: 1 },
      clips: [{ frames: 120 }, { frames: 120 }],
    })
  })

  it('refuses to run on an empty list of clips', async () => {
    const services = createFakeServices()
    const params = sequenceNode.params.parse({})
    const ctx = fakeRunContext(params, { clips: [] }, services)
    await expect(sequenceNode.run(ctx)).rejects.toMatchObject({
      code: 'validation',
      field: 'clips',
    })
    expect(services.calls.stitch).toEqual([])
  })

  it('is free', () => {
    expect(sequenceNode.cost).toBeUndefined()
  })
})
