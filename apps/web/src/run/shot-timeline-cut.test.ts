import type { WorkflowDocument } from '@shotchain/graph'
import { describe, expect, it } from 'vitest'
import { registry } from '../registry.ts'
import { nodeStatuses } from './node-status.ts'
import type { RunView } from './run-view.ts'
import { shotTimeline } from './shot-timeline.ts'
import {
  clip,
  docOf,
  EDIT_LIST_24,
  freeStep,
  inputsDone,
  runStarted,
  shotRun,
  starterJson,
  still,
  viewOf,
} from './testing/three-shot-run.ts'

const url = (media: { hash: string }) => `/media/${media.hash}`

/** The starter with `edits` on its (built-in) sequence, shot 2 made twice (take `pick` picked). */
function craftDoc(edits: unknown[], pick = 1): WorkflowDocument {
  const json = starterJson()
  for (const node of json.nodes) {
    if (node.id === 'sequence') Object.assign(node, { params: { edits } })
    if (node.id === 'shot2') Object.assign(node, { takes: { count: 2, pick } })
  }
  return docOf(json)
}

const seams = [
  { from: 0, ssim: 0.93, psnr: 31.2, deltaE: 1.8, flagged: false, droppedRepeat: true },
  {
    ...{ from: 1, ssim: 0.58, psnr: null, deltaE: 9.6, flagged: true, droppedRepeat: false },
    problems: ['the picture jumps at the cut (SSIM 0.58, under 0.9)'],
    ...{ outgoing: { hash: 'a'.repeat(64), contentType: 'image/png' } },
  },
]

/**
 * A run of the starter with shot 2's take 2 under its take id, and the sequence's figures and
 * edit list (24 fps unless `extra` says).
 */
function craftRun(extra: Record<string, unknown> = {}) {
  const take2 = shotRun('shot2#take2', 'req-2b').map((e) =>
    e.type === 'node-succeeded'
      ? { ...e, outputs: { video: clip('shot2#take2', 4), lastFrame: still('t2') } }
      : e,
  )
  return viewOf([
    runStarted(),
    ...inputsDone(),
    ...shotRun('shot1', 'req-1'),
    ...shotRun('shot2', 'req-2'),
    ...take2,
    ...shotRun('shot3', 'req-3'),
    ...freeStep('sequence', {
      video: clip('sequence', 15),
      seams,
      drift: [{ clip: 2, ssim: 0.8, deltaE: 4 }],
      editList: EDIT_LIST_24,
      ...extra,
    }),
  ])
}

/** The strip for `doc` and the run `view` (`null`: no run shown). */
function timelineOf(
  doc: WorkflowDocument,
  shown: RunView | null = craftRun(),
  rememberedFps?: number,
) {
  const view = shown ?? undefined
  const statuses = nodeStatuses(doc, registry, view, new Set())
  return shotTimeline(doc, registry, view, statuses, rememberedFps)
}

describe('shotTimeline: judging and cutting a sequence', () => {
  it('shows the picked take of the document, its clip and length, with every take', () => {
    const [, shot2] = timelineOf(craftDoc([], 2)).shots
    expect(shot2?.takes).toEqual({ count: 2, pick: 2 })
    expect(shot2?.videoUrl).toBe(url(clip('shot2#take2', 4)))
    expect(shot2?.span).toEqual({ in: 0, out: 96, frames: 96 })
    expect(shot2?.takeRuns.map((t) => [t.take, t.videoUrl])).toEqual([
      [1, url(clip('shot2'))],
      [2, url(clip('shot2#take2', 4))],
    ])
    expect(timelineOf(craftDoc([], 1)).shots[1]?.videoUrl).toBe(url(clip('shot2')))
  })

  it('takes off the total a repeated frame the sequence dropped and will drop again', () => {
    const played = (doc: WorkflowDocument) => {
      const timeline = timelineOf(doc)
      const spans = timeline.shots.map((shot) => (shot.span?.out ?? 0) - (shot.span?.in ?? 0))
      return [timeline.totalFrames, spans.reduce((a, b) => a + b, 0)]
    }
    // Seam 0 dropped shot 2's first frame; seam 1 dropped nothing.
    const [whole, clips] = played(craftDoc([], 1))
    expect(whole).toBe((clips ?? 0) - 1)
    // An explicit in on shot 2, or a trimmed shot 1, leaves the sequence nothing to drop there.
    for (const edits of [[{}, { in: 0 }], [{ out: 100 }]]) {
      const [total, sum] = played(craftDoc(edits, 1))
      expect(total).toBe(sum)
    }
  })

  it('plays each clip trimmed and overlaps crossfaded ones: the total is exact in frames', () => {
    const edits = [{ in: 3, out: 100, transition: 'crossfade', crossfadeFrames: 12 }, {}, { in: 1 }]
    const timeline = timelineOf(craftDoc(edits))
    expect(timeline.editsParam).toBe('edits')
    expect(timeline.shots.map((s) => s.span)).toEqual([
      { in: 3, out: 100, frames: 121 },
      { in: 0, out: 121, frames: 121 },
      { in: 1, out: 121, frames: 121 },
    ])
    expect(timeline.shots[0]?.durationSec).toBe(97 / 24)
    expect(timeline.totalFrames).toBe(97 + 121 + 120 - 12)
    expect(timeline.totalSec).toBe((timeline.totalFrames ?? Number.NaN) / 24)
    // Shot 2 starts 12 frames before shot 1 ends; shot 3 where shot 2 ends.
    expect(timeline.shots.map((s) => s.startSec)).toEqual([0, 85 / 24, (85 + 121) / 24])
    expect(timeline.seams.map((s) => [s.transition, s.overlap])).toEqual([
      ['crossfade', 12],
      ['cut', 0],
    ])
  })

  it('puts the sequence’s figures at their seams, and drift on its clip', () => {
    const timeline = timelineOf(craftDoc([]))
    expect(timeline.seams.map((s) => s.report)).toEqual(seams)
    expect(timeline.shots.map((s) => s.drift)).toEqual([
      undefined,
      undefined,
      { clip: 2, ssim: 0.8, deltaE: 4 },
    ])
    expect(timelineOf(craftDoc([])).measuresSeams).toBe(true)
  })

  it('before a run tells the rate: lengths in seconds, trims not counted, and says so', () => {
    const edits = [{ out: 30 }]
    const before = timelineOf(craftDoc(edits), null)
    expect(before.fps).toBeUndefined()
    expect(before.editsUncounted).toBe(true)
    expect(before.shots.map((s) => [s.durationSec, s.startSec, s.span])).toEqual([
      [5, 0, undefined],
      [5, 5, undefined],
      [5, 10, undefined],
    ])
    expect(before.totalSec).toBe(15)
    expect(timelineOf(craftDoc([]), null).editsUncounted).toBe(false)
    // A run under way that has not reached the sequence: the rate an earlier run told holds.
    const going = timelineOf(craftDoc(edits), viewOf([runStarted()]), 12)
    expect(going.fps).toBe(12)
    expect(going.shots[0]?.span).toEqual({ in: 0, out: 30, frames: 60 })
  })

  it('counts frames at the rate of the edit list the sequence stitched, when it names one', () => {
    const view = craftRun({ editList: { rate: { numerator: 12, denominator: 1 } } })
    const timeline = timelineOf(craftDoc([{ out: 30 }], 1), view, 24)
    expect(timeline.fps).toBe(12)
    expect(timeline.shots[0]?.span).toEqual({ in: 0, out: 30, frames: 61 })
    expect(timeline.shots[0]?.durationSec).toBe(2.5)
  })
})
