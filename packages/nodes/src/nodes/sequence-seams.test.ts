import type { DriftReport, SeamReport } from '@shotchain/graph'
import { describe, expect, it } from 'vitest'
import type { MediaRef } from '../services.ts'
import { createTestStores, runWorkflow } from '../testing/run-workflow.ts'
import { chainWorkflow, link, node } from '../testing/workflows.ts'
import type { SequenceParams } from './sequence.ts'

/** The three-shot chain with the sequence's params set. */
function chainWith(params: Partial<SequenceParams>) {
  const doc = chainWorkflow({ shots: 3 })
  return { ...doc, nodes: doc.nodes.map((n) => (n.id === 'seq' ? { ...n, params } : n)) }
}

async function measured(params: Partial<SequenceParams>, stores = createTestStores()) {
  const { result } = await runWorkflow(chainWith(params), stores)
  const out = result.outputs.get('seq') as { seams: SeamReport[]; drift: DriftReport[] }
  const clips = (stores.services.calls.stitch[0]?.clips ?? []).map((c) => c.media.hash)
  // The stills the sequence asked for (it runs last: each shot's last frame came before), as
  // `clip@at` by clip number.
  const asked = stores.services.calls.extractFrame.slice(-(2 * clips.length - 1))
  const stills = asked.map(({ video, at }) => `${clips.indexOf(video.hash) + 1}@${at}`)
  return { ...out, stills, clips }
}

describe('sequence seams', () => {
  it('measures each cut between the frames played either side, and says the repeat was dropped', async () => {
    const { seams, drift, stills } = await measured({})
    // Shots 2 and 3 start at frame 1 (0.5 to 1.5 frames in, at 24 fps): their first frame repeated.
    expect(stills.sort()).toEqual([
      '1@first',
      '1@last',
      '2@0.020833333333333332',
      '2@last',
      '3@0.020833333333333332',
    ])
    expect(seams.map((s) => [s.from, s.flagged, s.droppedRepeat, s.problems])).toEqual([
      [0, false, true, []],
      [1, false, true, []],
    ])
    expect(seams[0]?.outgoing?.hash).toMatch(/^image:frame\(last\):/)
    expect(seams[0]?.incoming?.contentType).toBe('image/png')
    expect(drift.map((d) => d.clip)).toEqual([1, 2])
  })

  it('takes the stills at the trims, and keeps a trimmed-in first frame', async () => {
    const { seams, stills } = await measured({ edits: [{ out: 100 }, { in: 10 }] })
    expect(stills).toEqual(expect.arrayContaining(['1@4.104166666666667', '2@0.3958333333333333']))
    // Shot 2's trim, not the repeat, sets where it starts; shot 3 still drops its repeat.
    expect(seams.map((s) => s.droppedRepeat)).toEqual([false, true])
  })

  it('flags a seam whose stills jump, with the sentences that say why', async () => {
    const stores = createTestStores()
    const problems = ['the picture jumps at the cut (SSIM 0.41, under 0.9)']
    let calls = 0
    stores.services.seams = (a: MediaRef, b: MediaRef) =>
      calls++ === 0 && a.hash !== b.hash
        ? { ssim: 0.41, psnr: 14, deltaE: 30, problems }
        : { ssim: 0.99, psnr: 45, deltaE: 0.5, problems: [] }
    const { seams } = await measured({}, stores)
    expect(seams.map((s) => [s.flagged, s.ssim])).toEqual([
      [true, 0.41],
      [false, 0.99],
    ])
    expect(seams[0]?.problems).toEqual(problems)
  })

  it('lays a soundtrack under the picture, measured in frames, with its fade', async () => {
    const stores = createTestStores()
    stores.services.files.set('music/theme.wav', { content: 'theme', contentType: 'audio/wav' })
    const doc = chainWith({ soundtrackFadeOutSec: 2 })
    const withSound = {
      ...doc,
      nodes: [...doc.nodes, node('music', 'audio-source', { path: 'music/theme.wav' })],
      edges: [...doc.edges, link('music.audio', 'seq.soundtrack')],
    }
    const { result } = await runWorkflow(withSound, stores)
    expect(result.status).toBe('succeeded')
    // The fake's sounds last 5 s: 120 frames at 24 fps, 2 s of fade.
    expect(stores.services.calls.stitch[0]?.soundtrack).toMatchObject({
      media: { kind: 'audio', hash: 'image:theme' },
      frames: 120,
      fadeOutFrames: 48,
    })
  })
})
