import type { DriftReport, SeamReport, StillRef } from '@shotchain/graph'
import type { FrameRatio, MediaRef, MediaServices, SequenceClip } from '../services.ts'

/** What a sequence measured at its cuts and against its first picture. */
export interface SequenceSeams {
  readonly seams: readonly SeamReport[]
  readonly drift: readonly DriftReport[]
}

/** ffmpeg processes one sequence runs at once for its stills: a long sequence must not fork 100. */
const STILLS_AT_ONCE = 4

/** Where a frame index falls for `extractFrame`: half a frame early, clear of rounding. */
function frameAt(clip: SequenceClip, index: number, rate: FrameRatio): 'first' | 'last' | number {
  if (index === 0) return 'first'
  if (index === clip.frames - 1) return 'last'
  return ((index - 0.5) * rate.denominator) / rate.numerator
}

async function inTurns<T>(jobs: readonly (() => Promise<T>)[], atOnce: number): Promise<T[]> {
  const results: T[] = new Array(jobs.length)
  let next = 0
  const worker = async () => {
    while (next < jobs.length) {
      const k = next++
      results[k] = await (jobs[k] as () => Promise<T>)()
    }
  }
  await Promise.all(Array.from({ length: Math.min(atOnce, jobs.length) }, worker))
  return results
}

const stillRef = (still: MediaRef): StillRef => ({
  hash: still.hash,
  contentType: still.contentType,
})

/**
 * Measures each cut of an edit list — the outgoing clip's last frame played against the incoming
 * clip's first frame played (after trims and a dropped repeat) — and each clip's drift: its first
 * frame played against the first clip's. `droppedRepeat[k]` says clip `k` starts one frame in
 * because its first frame repeated the previous clip's last. The stills are stored, so a
 * timeline can show them side by side.
 */
export async function measureSeams(
  media: MediaServices,
  clips: readonly SequenceClip[],
  rate: FrameRatio,
  droppedRepeat: readonly boolean[],
  signal: AbortSignal,
): Promise<SequenceSeams> {
  const firstJobs = clips.map((clip) => () => {
    const at = frameAt(clip, clip.in ?? 0, rate)
    return media.extractFrame(clip.media, at, signal)
  })
  const lastJobs = clips.slice(0, -1).map((clip) => () => {
    const at = frameAt(clip, (clip.out ?? clip.frames) - 1, rate)
    return media.extractFrame(clip.media, at, signal)
  })
  const stills = await inTurns([...firstJobs, ...lastJobs], STILLS_AT_ONCE)
  const firsts = stills.slice(0, clips.length)
  const lasts = stills.slice(clips.length)
  const seamJobs = lasts.map((outgoing, k) => async (): Promise<SeamReport> => {
    const incoming = firsts[k + 1] as MediaRef
    const { ssim, psnr, deltaE, problems } = await media.seamFigures(outgoing, incoming, signal)
    return {
      from: k,
      ssim,
      psnr,
      deltaE,
      flagged: problems.length > 0,
      problems,
      droppedRepeat: droppedRepeat[k + 1] ?? false,
      outgoing: stillRef(outgoing),
      incoming: stillRef(incoming),
    }
  })
  const first = firsts[0] as MediaRef
  const driftJobs = firsts.slice(1).map((still, k) => async (): Promise<DriftReport> => {
    const { ssim, deltaE } = await media.seamFigures(first, still, signal)
    return { clip: k + 1, ssim, deltaE }
  })
  const seams = await inTurns(seamJobs, STILLS_AT_ONCE)
  const drift = await inTurns(driftJobs, STILLS_AT_ONCE)
  return { seams, drift }
}
