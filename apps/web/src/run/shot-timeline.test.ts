import type { RunEventBody } from '@shotchain/engine'
import type { WorkflowDocument } from '@shotchain/graph'
import { describe, expect, it } from 'vitest'
import { registry } from '../registry.ts'
import { nodeStatuses } from './node-status.ts'
import type { RunView } from './run-view.ts'
import { shotTimeline } from './shot-timeline.ts'
import {
  clip,
  docOf,
  freeStep,
  inputsDone,
  runStarted,
  shotRun,
  starterDoc,
  starterJson,
  starterRun,
  still,
  viewOf,
} from './testing/three-shot-run.ts'

const url = (media: { hash: string }) => `/media/${media.hash}`

/** The strip as the page builds it: statuses first, then the timeline from them. */
function timelineOf(
  doc: WorkflowDocument,
  view: RunView | undefined,
  stale: ReadonlySet<string> = new Set(),
) {
  return shotTimeline(doc, registry, view, nodeStatuses(doc, registry, view, stale))
}

/** The starter with `edit` applied to its JSON. */
function editedStarter(edit: (json: ReturnType<typeof starterJson>) => void): WorkflowDocument {
  const json = starterJson()
  edit(json)
  return docOf(json)
}

const nodeIn = (json: ReturnType<typeof starterJson>, id: string) => {
  const node = json.nodes.find((n) => n.id === id)
  if (!node) throw new Error(`no node ${id}`)
  return node
}

const ids = (timeline: { shots: readonly { nodeId: string }[] }) =>
  timeline.shots.map((s) => s.nodeId)

describe('shotTimeline: the strip of shots under the canvas', () => {
  it('before a run: the sequence’s shots with their set durations and prices, no frames', () => {
    const timeline = timelineOf(starterDoc(), undefined)
    expect(timeline).toMatchObject({ sequenceId: 'sequence', totalSec: 15 })
    // No run has told the rate trims are counted in: seconds only.
    expect(timeline.fps).toBeUndefined()
    expect(timeline.totalFrames).toBeUndefined()
    expect(timeline.totalUsd).toBeCloseTo(1.26, 9)
    expect(timeline.sequenceUrl).toBeUndefined()
    expect(timeline.shots).toEqual(
      ['shot1', 'shot2', 'shot3'].map((id, k) => ({
        nodeId: id,
        label: id,
        durationSec: 5,
        startSec: 5 * k,
        takes: { count: 1, pick: 1 },
        takeRuns: [],
        costUsd: expect.closeTo(0.42, 9),
        estimated: true,
        status: 'not run',
      })),
    )
  })

  it('plays the shots in the order of the sequence’s clip edges, not the order of the nodes', () => {
    const reordered = editedStarter((json) => {
      for (const edge of json.edges) {
        if (edge.id === 'clip1') edge.order = 2
        if (edge.id === 'clip3') edge.order = 0
      }
    })
    expect(ids(timelineOf(reordered, undefined))).toEqual(['shot3', 'shot2', 'shot1'])
    expect(ids(timelineOf(reordered, viewOf(starterRun())))).toEqual(['shot3', 'shot2', 'shot1'])
    // The edit was made on a copy: the starter still plays 1, 2, 3.
    expect(ids(timelineOf(starterDoc(), undefined))).toEqual(['shot1', 'shot2', 'shot3'])
  })

  it('takes durations, tiers and labels from the params as they are set', () => {
    const doc = editedStarter((json) => {
      nodeIn(json, 'shot2').params = { duration: 10, tier: 'pro' }
      ;(nodeIn(json, 'shot3') as { label?: string }).label = 'Above the clouds'
    })
    const timeline = timelineOf(doc, undefined)
    expect(timeline.shots.map((s) => [s.label, s.durationSec])).toEqual([
      ['shot1', 5],
      ['shot2', 10],
      ['Above the clouds', 5],
    ])
    expect(timeline.shots[1]?.costUsd).toBeCloseTo(1.12, 9)
    expect(timeline.totalSec).toBe(20)
    expect(timeline.totalUsd).toBeCloseTo(0.42 + 1.12 + 0.42, 9)
  })

  it('after a run: each clip’s real length, its video and last frame, and the stitched sequence', () => {
    const timeline = timelineOf(starterDoc(), viewOf(starterRun()))
    expect(timeline.shots).toEqual(
      ['shot1', 'shot2', 'shot3'].map((id, k) => ({
        nodeId: id,
        label: id,
        // 5.041667 s at 24 fps: 121 frames.
        durationSec: 121 / 24,
        startSec: (121 * k) / 24,
        span: { in: 0, out: 121, frames: 121 },
        takes: { count: 1, pick: 1 },
        takeRuns: [],
        costUsd: expect.closeTo(0.42, 9),
        estimated: false,
        status: 'succeeded',
        thumbUrl: url(still(`last:${id}`)),
        videoUrl: url(clip(id)),
      })),
    )
    expect(timeline.totalSec).toBe((3 * 121) / 24)
    expect(timeline.sequenceUrl).toBe(url(clip('sequence', 15.125)))
    // The name the run outputs give the output node it feeds: one name for one file.
    expect(timeline.sequenceFileName).toBe('three-shot-chain.mp4')
  })

  it('during a run: the next shot shows the frame it starts from; no sequence until it is joined', () => {
    const bodies: RunEventBody[] = [
      runStarted(),
      ...inputsDone(),
      ...shotRun('shot1', 'req-1'),
      ...shotRun('shot2', 'req-2'),
      ...shotRun('shot3', 'req-3'),
    ]
    const midway = timelineOf(starterDoc(), viewOf(bodies.slice(0, 13 + 6 + 2)))
    expect(midway.shots.map((s) => s.status)).toEqual(['succeeded', 'running', 'queued'])
    expect(midway.shots[1]).toMatchObject({ durationSec: 5, thumbUrl: url(still('last:shot1')) })
    expect(midway.shots[1]).not.toHaveProperty('videoUrl')
    expect(midway.shots[2]).not.toHaveProperty('thumbUrl')
    expect(midway.sequenceUrl).toBeUndefined()

    const shotsDone = timelineOf(starterDoc(), viewOf(bodies))
    expect(shotsDone.sequenceUrl).toBeUndefined()
    const joined = timelineOf(
      starterDoc(),
      viewOf([...bodies, ...freeStep('sequence', { video: clip('sequence', 15.125) })]),
    )
    expect(joined.sequenceUrl).toBe(url(clip('sequence', 15.125)))
  })

  it('a shot that came from the cache costs nothing in the run shown', () => {
    const view = viewOf([
      runStarted(['prompt2', 'shot2', 'shot3', 'sequence', 'out'], 0.84, ['image', 'shot1']),
      {
        type: 'node-cached',
        nodeId: 'shot1',
        outputs: { video: clip('shot1'), lastFrame: still('last:shot1') },
      },
      ...shotRun('shot2', 'req-4'),
      ...shotRun('shot3', 'req-5'),
    ])
    const timeline = timelineOf(starterDoc(), view)
    expect(timeline.shots.map((s) => [s.status, s.costUsd])).toEqual([
      ['cached', 0],
      ['succeeded', expect.closeTo(0.42, 9)],
      ['succeeded', expect.closeTo(0.42, 9)],
    ])
    expect(timeline.totalUsd).toBeCloseTo(0.84, 9)
  })

  it('a shot an edit made stale shows what the next run makes, its old frame still shown', () => {
    // Shot 2 set to 10 s after a run of 5 s shots: it, shot 3 and the sequence run again.
    const doc = editedStarter((json) => {
      nodeIn(json, 'shot2').params = { duration: 10, tier: 'standard' }
    })
    const stale = new Set(['shot2', 'shot3', 'sequence', 'out'])
    const timeline = timelineOf(doc, viewOf(starterRun()), stale)
    expect(timeline.shots[0]).toMatchObject({ status: 'succeeded', durationSec: 121 / 24 })
    expect(timeline.shots[1]).toEqual({
      nodeId: 'shot2',
      label: 'shot2',
      durationSec: 10,
      startSec: 121 / 24,
      span: { in: 0, out: 240, frames: 240 },
      takes: { count: 1, pick: 1 },
      takeRuns: [],
      costUsd: expect.closeTo(0.84, 9),
      estimated: true,
      status: 'stale',
      thumbUrl: `/media/${still('last:shot2').hash}`,
    })
    expect(timeline.shots[2]).toMatchObject({ status: 'stale', durationSec: 5 })
    expect(timeline.totalSec).toBe(121 / 24 + 10 + 5)
  })

  it('a cached shot an edit made stale costs again', () => {
    const view = viewOf([
      runStarted([], 0, ['shot1']),
      { type: 'node-cached', nodeId: 'shot1', outputs: { video: clip('shot1') } },
    ])
    const timeline = timelineOf(starterDoc(), view, new Set(['shot1']))
    expect(timeline.shots[0]).toMatchObject({ status: 'stale', costUsd: expect.closeTo(0.42, 9) })
  })

  it('follows the sequence that feeds the output when there are two', () => {
    const doc = editedStarter((json) => {
      // A spare sequence, first in the file, holding only shot 3.
      json.nodes.unshift({ id: 'spare', type: 'sequence', position: [1860, 600], params: {} })
      json.edges.push({
        id: 'spare-clip',
        from: { node: 'shot3', port: 'video' },
        to: { node: 'spare', port: 'clips' },
        order: 0,
      })
    })
    const timeline = timelineOf(doc, undefined)
    expect(timeline.sequenceId).toBe('sequence')
    expect(ids(timeline)).toEqual(['shot1', 'shot2', 'shot3'])
  })

  it('without a sequence, lists the Kling shots left to right', () => {
    const doc = editedStarter((json) => {
      json.nodes = json.nodes.filter((n) => n.id !== 'sequence' && n.id !== 'out')
      json.edges = json.edges.filter((e) => e.to.node !== 'sequence' && e.to.node !== 'out')
      nodeIn(json, 'shot3').position = [-300, 0]
    })
    const timeline = timelineOf(doc, viewOf(starterRun()))
    expect(timeline.sequenceId).toBeUndefined()
    expect(timeline.sequenceUrl).toBeUndefined()
    expect(ids(timeline)).toEqual(['shot3', 'shot1', 'shot2'])
    expect(timeline.totalUsd).toBeCloseTo(1.26, 9)
  })

  it('a workflow with no shots has an empty strip', () => {
    const doc = editedStarter((json) => {
      json.nodes = json.nodes.filter((n) => n.type === 'prompt')
      json.edges = []
    })
    expect(timelineOf(doc, undefined)).toEqual({
      edits: [],
      seams: [],
      measuresSeams: false,
      seamsOutdated: false,
      editsUncounted: false,
      shots: [],
      totalSec: 0,
      totalUsd: 0,
      unknown: [],
      estimated: false,
    })
  })

  it('a shot with invalid params has no length or price, and the totals say they leave it out', () => {
    const json = starterJson()
    nodeIn(json, 'shot2').params = { duration: 15, tier: 'standard' }
    // A file that does not parse still opens in the editor: the timeline reads it as it is.
    const doc = json as unknown as WorkflowDocument
    const timeline = timelineOf(doc, undefined)
    expect(timeline.shots[1]).toMatchObject({ nodeId: 'shot2', status: 'not run' })
    expect(timeline.shots[1]?.durationSec).toBeUndefined()
    expect(timeline.shots[1]?.costUsd).toBeUndefined()
    expect(timeline.totalSec).toBe(10)
    expect(timeline.totalUsd).toBeCloseTo(0.84, 9)
    expect(timeline.unknown).toEqual(['shot2'])
  })
})
