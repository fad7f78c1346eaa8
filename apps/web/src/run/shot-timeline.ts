import type { NodeRunStatus } from '@shotchain/editor'
import {
  type ClipEdit,
  type NodeRegistry,
  nodesWithRole,
  playedSequence,
  type SeamReport,
  shotsInPlayOrder,
  type WorkflowDocument,
} from '@shotchain/graph'
import { editsIn, overlapAfter, sequenceFrames } from './clip-edits.ts'
import { mediaOf, mediaUrl } from './media-of.ts'
import { outputFileName } from './run-outputs.ts'
import type { RunView } from './run-view.ts'
import { driftOf, frameRateOf, seamsOf } from './seam-reports.ts'
import { type TimelineShot, timelineShot } from './timeline-shot.ts'

/** The join of shot `from` and the next one in the sequence. */
export interface TimelineSeam {
  readonly from: number
  readonly transition: 'cut' | 'crossfade'
  /** The crossfade's length as set (frames); the overlap is no longer than either clip. */
  readonly crossfadeFrames: number
  readonly overlap: number
  /** What the sequence measured there in the run shown, once measured. */
  readonly report?: SeamReport
}

export interface Timeline {
  /** The sequence node the strip follows; undefined when the workflow has none. */
  readonly sequenceId?: string
  /** The sequence's param of per-clip trims and transitions (its role's), if it takes them. */
  readonly editsParam?: string
  /** One edit per shot, in play order, as the document holds them. */
  readonly edits: readonly ClipEdit[]
  /** The seams between the shots, in play order (one fewer than the shots). */
  readonly seams: readonly TimelineSeam[]
  /** Whether the sequence measures its seams (its role names where): figures come after a run. */
  readonly measuresSeams: boolean
  /** Whether the seam figures shown are from before an edit that makes the sequence run again. */
  readonly seamsOutdated: boolean
  /**
   * The frame rate trims and crossfades are counted in: the rate of the edit list the sequence
   * last stitched. Undefined until a run of it said: no trim can be set or counted before.
   */
  readonly fps?: number
  /** Whether the edits hold trims or crossfades the lengths leave out, the rate not yet known. */
  readonly editsUncounted: boolean
  readonly shots: readonly TimelineShot[]
  /** Frames the sequence plays: the trimmed clips less the crossfades' overlaps (with `fps`). */
  readonly totalFrames?: number
  /**
   * The same in seconds; before the rate is known (or with no sequence), the shots' lengths
   * summed. See `unknown`.
   */
  readonly totalSec: number
  readonly totalUsd: number
  /** The labels of shots left out of the totals: invalid params, so no length or price. */
  readonly unknown: readonly string[]
  /** Whether the total includes estimates (shots not paid for in the run shown). */
  readonly estimated: boolean
  /** The stitched sequence of the run shown, once made. */
  readonly sequenceUrl?: string
  /**
   * The file the sequence downloads as: the name of the output node it feeds (as the run's
   * outputs name it), else the sequence node's id.
   */
  readonly sequenceFileName?: string
}

/**
 * The shots in the order they play: the shots wired into the sequence (the one feeding an output,
 * else the first), in edge order; with no sequence, the workflow's shots left to right. Each
 * shot shows its picked take (the document's pick, read from the run whatever it picked), its
 * length after the sequence's trims, and the seams between shots what the sequence measured.
 * Which nodes are shots and sequences, their ports, the edits param and the seam results are
 * their pack's declaration. Trims count frames at the rate of the edit list the sequence stitched
 * in the run shown, else `rememberedFps` (an earlier run's, while a new one has not said).
 */
export function shotTimeline(
  doc: WorkflowDocument,
  registry: NodeRegistry,
  view: RunView | undefined,
  statuses: ReadonlyMap<string, NodeRunStatus>,
  rememberedFps?: number,
): Timeline {
  const sequence = playedSequence(doc, registry)
  const shotNodes = shotsInPlayOrder(doc, registry, sequence)
  const sequenceRun = sequence ? view?.nodes.get(sequence.node.id) : undefined
  const fps = sequence
    ? (frameRateOf(sequenceRun?.outputs, sequence.role) ?? rememberedFps)
    : undefined
  const edits = editsIn(sequence?.node.params ?? {}, sequence?.role.edits, shotNodes.length)
  const drift = sequence ? driftOf(sequenceRun?.outputs, sequence.role) : new Map()
  const shots = shotNodes.map((shot, k) =>
    timelineShot(shot, {
      registry,
      status: statuses.get(shot.node.id),
      view,
      edit: edits[k] ?? {},
      fps,
      drift: drift.get(k),
    }),
  )
  const spans = shots.map((s) => s.span)
  const reports = sequence ? seamsOf(sequenceRun?.outputs, sequence.role) : new Map()
  const seams = shots.slice(1).map((_, from): TimelineSeam => {
    const edit = edits[from] ?? {}
    const report = reports.get(from)
    return {
      from,
      transition: edit.transition ?? 'cut',
      crossfadeFrames: edit.crossfadeFrames ?? 0,
      overlap: overlapAfter(edits, spans, from),
      ...(report ? { report } : {}),
    }
  })
  const totalFrames =
    fps === undefined ? undefined : sequenceFrames(edits, spans) - stillDropped(seams, edits)
  // Where each shot starts in the sequence: after the ones before, less their crossfades (in
  // frames at the known rate; cut to cut, in seconds, before it is known).
  let frames = 0
  let seconds = 0
  const placed = shots.map((shot, k) => {
    if (fps !== undefined && shot.span !== undefined) {
      const at = frames / fps
      frames += shot.span.out - shot.span.in - overlapAfter(edits, spans, k)
      return { ...shot, startSec: at }
    }
    if (fps !== undefined || shot.durationSec === undefined) return shot
    const at = seconds
    seconds += shot.durationSec
    return { ...shot, startSec: at }
  })
  const stitched = sequence ? mediaOf(sequenceRun?.outputs, sequence.role.video) : undefined
  return {
    ...(sequence ? { sequenceId: sequence.node.id } : {}),
    ...(sequence?.role.edits ? { editsParam: sequence.role.edits } : {}),
    edits,
    seams,
    measuresSeams: sequence?.role.seams !== undefined,
    seamsOutdated: sequence ? statuses.get(sequence.node.id)?.state === 'stale' : false,
    ...(fps === undefined ? {} : { fps }),
    editsUncounted: fps === undefined && edits.some((edit) => Object.keys(edit).length > 0),
    shots: placed,
    ...(totalFrames === undefined ? {} : { totalFrames }),
    totalSec: totalFrames === undefined ? seconds : totalFrames / (fps ?? 1),
    totalUsd: shots.reduce((sum, s) => sum + (s.costUsd ?? 0), 0),
    unknown: shots
      .filter((s) => s.durationSec === undefined || s.costUsd === undefined)
      .map((s) => s.label),
    estimated: shots.some((s) => s.estimated && (s.costUsd ?? 0) > 0),
    ...(stitched
      ? {
          sequenceUrl: mediaUrl(stitched),
          sequenceFileName: sequenceFileName(doc, registry, sequence?.node.id),
        }
      : {}),
  }
}

/** What the played sequence downloads as: one name with the run outputs' (`outputFileName`). */
function sequenceFileName(
  doc: WorkflowDocument,
  registry: NodeRegistry,
  sequenceId: string | undefined,
): string {
  const fed = new Set(doc.edges.filter((e) => e.from.node === sequenceId).map((e) => e.to.node))
  const output = nodesWithRole(doc, registry, 'output').find((o) => fed.has(o.node.id))
  return output
    ? outputFileName(output.node, output.role, 'video')
    : `${sequenceId ?? 'sequence'}.mp4`
}

/**
 * Repeated first frames the sequence will still drop: its last run dropped one at the seam, and
 * the edits still let it check there (the same rule as the built-in sequence's: the outgoing clip
 * plays to its end and cuts into a clip whose `in` is left to the sequence).
 */
function stillDropped(seams: readonly TimelineSeam[], edits: readonly ClipEdit[]): number {
  return seams.filter((seam) => {
    const [outgoing, incoming] = [edits[seam.from] ?? {}, edits[seam.from + 1] ?? {}]
    return (
      seam.report?.droppedRepeat === true &&
      incoming.in === undefined &&
      outgoing.out === undefined &&
      outgoing.transition !== 'crossfade'
    )
  }).length
}
