import type { NodeRunStatus, TakeRunStatus } from '@shotchain/editor'
import {
  type ClipEdit,
  type DriftReport,
  type NodeRegistry,
  parsedParams,
  type RoleNode,
  type ShotRole,
  takesOf,
} from '@shotchain/graph'
import { type ClipSpan, clipSpan } from './clip-edits.ts'
import { mediaOf, mediaUrl } from './media-of.ts'
import type { RunView } from './run-view.ts'
import { takeIdsInRun } from './take-runs.ts'

/** One shot on the timeline strip. */
export interface TimelineShot {
  readonly nodeId: string
  readonly label: string
  /**
   * Its length as the sequence plays it (after its trims; the whole clip while the rate trims
   * are counted in is unknown). Undefined when its params are invalid and it has no clip.
   */
  readonly durationSec: number | undefined
  /** Where it starts in the sequence (after the shots before, less crossfades), when known. */
  readonly startSec?: number
  /** Its frames and the ones it plays (its trims), at the timeline's `fps`, once that is known. */
  readonly span?: ClipSpan
  /** Its takes (the picked one's clip is the shot's), each as the run shown has it. */
  readonly takes: { readonly count: number; readonly pick: number }
  /** Each take's state and clip in the run, take 1 first; empty with one take. */
  readonly takeRuns: readonly TakeRunStatus[]
  /** How far its first frame drifted from the sequence's first picture, once measured. */
  readonly drift?: DriftReport
  /**
   * What it cost in the run shown (succeeded: paid; cached: zero), else what generating it would
   * cost (`estimated`): not run yet, running, failed, cancelled, skipped or changed since.
   * Undefined when its params are invalid: no price to tell.
   */
  readonly costUsd: number | undefined
  readonly estimated: boolean
  readonly status: NodeRunStatus['state'] | 'not run'
  /** A still: the shot's last frame once made, else the image it starts from. */
  readonly thumbUrl?: string
  readonly videoUrl?: string
}

/** What {@link timelineShot} reads besides the shot: the run shown and the sequence's edit. */
export interface TimelineShotContext {
  readonly registry: NodeRegistry
  readonly status: NodeRunStatus | undefined
  /** The run shown, if any. */
  readonly view: RunView | undefined
  /** The sequence's edit of this clip (`{}`: whole, cut). */
  readonly edit: ClipEdit
  /** The rate trims are counted in; undefined until a run of the sequence said. */
  readonly fps: number | undefined
  readonly drift: DriftReport | undefined
}

/**
 * One shot as the timeline shows it: its picked take (the document's pick, read from the run
 * whatever the run picked), its length after the sequence's trims, its price, state and stills.
 */
export function timelineShot(
  { node, spec, role }: RoleNode<ShotRole>,
  { registry, status, view, edit, fps, drift }: TimelineShotContext,
): TimelineShot {
  const params = parsedParams(registry, node)
  // A stale or invalid shot runs again (once fixed): its old clip (length, price paid) no
  // longer stands for it; its old frame still shows, dimmed.
  const outdated = status?.state === 'stale' || status?.state === 'invalid'
  const takes = takesOf(node)
  const pickedId = takeIdsInRun(node, (id) => view?.nodes.has(id) ?? false)[takes.pick - 1]
  const run = outdated || pickedId === undefined ? undefined : view?.nodes.get(pickedId)
  const video = mediaOf(run?.outputs, role.video)
  const thumb = status?.imageUrl ?? status?.inputImages?.start
  // Invalid params have no price or length: nothing is made up for them (not 0 s, not $0).
  const price = params === undefined ? undefined : ((spec.cost ? spec.cost(params) : 0) ?? 0)
  const estimated = run?.status !== 'cached' && run?.status !== 'succeeded'
  const costUsd =
    run?.status === 'cached' ? 0 : run?.status === 'succeeded' ? (run.costUsd ?? price) : price
  const clipSec =
    video?.durationSec ?? (params === undefined ? undefined : role.durationSec(params))
  const span =
    clipSec === undefined || fps === undefined
      ? undefined
      : clipSpan(edit, Math.round(clipSec * fps))
  return {
    nodeId: node.id,
    label: node.label ?? node.id,
    durationSec: span === undefined || fps === undefined ? clipSec : (span.out - span.in) / fps,
    ...(span ? { span } : {}),
    takes,
    takeRuns: status?.takes ?? [],
    ...(drift ? { drift } : {}),
    costUsd,
    estimated,
    status: status?.state ?? 'not run',
    ...(thumb ? { thumbUrl: thumb } : {}),
    ...(video ? { videoUrl: mediaUrl(video) } : {}),
  }
}
