import { defineNode } from '@shotchain/graph'
import {
  type MediaRef,
  type NodeServices,
  type SequenceParams,
  sequenceNode,
} from '@shotchain/nodes'

/**
 * The figures the test sequence reports at seams 0, 1, 2…, in turn: a good cut where the repeated
 * frame was dropped, then one flagged for a look.
 */
export const SEAM_FIGURES = [
  { ssim: 0.93, psnr: 31.2, deltaE: 1.8, flagged: false, droppedRepeat: true },
  { ssim: 0.58, psnr: 17.4, deltaE: 9.6, flagged: true, droppedRepeat: false },
] as const

// The built-in sequence's (empty) params, keeping keys it does not know: the edits param is
// stored, saved and part of the cache key, but this node does not read it.
const params = (sequenceNode.params as unknown as { loose(): typeof sequenceNode.params }).loose()

/**
 * `seam-test-sequence`, a TEST node: joins its clips as the built-in sequence does, and reports
 * fixed seam figures ({@link SEAM_FIGURES}) with each cut's real stills (the outgoing clip's last
 * frame, the incoming one's first) and a fixed drift. It honours no trims or transitions.
 */
export const seamTestSequenceNode = defineNode<SequenceParams, NodeServices>({
  type: 'seam-test-sequence',
  version: 1,
  title: 'Sequence (seam test)',
  description: 'TEST: joins clips and reports fixed seam figures.',
  category: 'video',
  inputs: { clips: { type: 'video', label: 'Clips', list: true, required: true } },
  outputs: { video: { type: 'video', label: 'Sequence' } },
  params,
  role: {
    kind: 'sequence',
    clips: 'clips',
    video: 'video',
    edits: 'edits',
    seams: 'seams',
    drift: 'drift',
  },
  async run(ctx) {
    const { media } = ctx.services
    const raw = ctx.inputs.clips
    const clips = (Array.isArray(raw) ? raw : []) as MediaRef[]
    const video = await media.concat(clips, ctx.signal)
    const seams = []
    for (let from = 0; from + 1 < clips.length; from++) {
      const outgoing = await media.extractFrame(clips[from] as MediaRef, 'last', ctx.signal)
      const incoming = await media.extractFrame(clips[from + 1] as MediaRef, 'first', ctx.signal)
      const figures = SEAM_FIGURES[from % SEAM_FIGURES.length]
      seams.push({ from, ...figures, outgoing: still(outgoing), incoming: still(incoming) })
    }
    const drift = clips.map((_, clip) => ({ clip, ssim: 1 - 0.1 * clip, deltaE: 2 * clip }))
    return { video, seams, drift }
  },
})

const still = (ref: MediaRef) => ({ hash: ref.hash, contentType: ref.contentType })
