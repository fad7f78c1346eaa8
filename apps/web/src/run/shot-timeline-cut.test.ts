import { createRegistry, registerPacks, type WorkflowDocument } from '@shotchain/graph'
import { builtInNodes } from '@shotchain/nodes'
import { describe, expect, it } from 'vitest'
import { pack as seamTestPack, seamTestSequenceNode } from '../../e2e/packs/seam-test/src/index.ts'
import { nodeStatuses } from './node-status.ts'
import { shotTimeline } from './shot-timeline.ts'
import {
  clip,
  docOf,
  freeStep,
  inputsDone,
  runStarted,
  shotRun,
  starterJson,
  still,
  viewOf,
} from './testing/three-shot-run.ts'

// The test pack's sequence, and one like it whose result also names the edit list it stitched.
const withEditList = {
  ...seamTestSequenceNode,
  type: 'listed-sequence',
  role: {
    kind: 'sequence' as const,
    clips: 'clips',
    video: 'video',
    edits: 'edits',
    editList: 'editList',
  },
}
const registry = registerPacks(createRegistry(builtInNodes), [
  seamTestPack,
  { name: 'listed', nodes: [withEditList] },
])

const url = (media: { hash: string }) => `/media/${media.hash}`

/** The starter on a sequence of `type`, with `edits`, and shot 2 made twice (take `pick` picked). */
function craftDoc(edits: unknown[], pick = 1, type = 'seam-test-sequence'): WorkflowDocument {
  const json = starterJson()
  for (const node of json.nodes) {
    if (node.id === 'sequence') Object.assign(node, { type, params: { edits } })
    if (node.id === 'shot2') Object.assign(node, { takes: { count: 2, pick } })
  }
  return docOf(json)
}

const seams = [
  { from: 0, ssim: 0.93, psnr: 31.2, deltaE: 1.8, flagged: false, droppedRepeat: true },
  {
    ...{ from: 1, ssim: 0.58, psnr: null, deltaE: 9.6, flagged: true, droppedRepeat: false },
    ...{ outgoing: { hash: 'a'.repeat(64), contentType: 'image/png' } },
  },
]

/** A run of the starter with shot 2's take 2 under its take id, and the sequence's figures. */
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
      ...extra,
    }),
  ])
}

function timelineOf(doc: WorkflowDocument, view = craftRun()) {
  return shotTimeline(doc, registry, view, nodeStatuses(doc, registry, view, new Set()))
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
    expect(timeline.totalSec).toBe(timeline.totalFrames / 24)
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
    // The built-in sequence measures nothing yet: no figures, only cuts.
    const plain = craftDoc([], 1, 'sequence')
    expect(timelineOf(plain).seams.map((s) => s.report)).toEqual([undefined, undefined])
    expect(timelineOf(plain).editsParam).toBeUndefined()
    expect(timelineOf(plain).measuresSeams).toBe(false)
    expect(timelineOf(craftDoc([])).measuresSeams).toBe(true)
  })

  it('counts frames at the rate of the edit list the sequence stitched, when it names one', () => {
    const view = craftRun({ editList: { rate: { numerator: 12, denominator: 1 } } })
    const timeline = timelineOf(craftDoc([{ out: 30 }], 1, 'listed-sequence'), view)
    expect(timeline.fps).toBe(12)
    expect(timeline.shots[0]?.span).toEqual({ in: 0, out: 30, frames: 61 })
    expect(timeline.shots[0]?.durationSec).toBe(2.5)
  })
})
