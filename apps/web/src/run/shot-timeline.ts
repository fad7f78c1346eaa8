import type { NodeRunStatus } from '@shotchain/editor'
import {
  type NodeRegistry,
  nodesWithRole,
  parsedParams,
  playedSequence,
  shotsInPlayOrder,
  type WorkflowDocument,
} from '@shotchain/graph'
import { mediaOf, mediaUrl } from './media-of.ts'
import { outputFileName } from './run-outputs.ts'
import type { RunView } from './run-view.ts'

/** One shot on the timeline strip. */
export interface TimelineShot {
  readonly nodeId: string
  readonly label: string
  /** Undefined when its params are invalid and it has no clip: no length to tell. */
  readonly durationSec: number | undefined
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

export interface Timeline {
  /** The sequence node the strip follows; undefined when the workflow has none. */
  readonly sequenceId?: string
  readonly shots: readonly TimelineShot[]
  /** The sum of the shots whose length and price are known (see `unknown`). */
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
 * else the first), in edge order; with no sequence, the workflow's shots left to right. Which
 * nodes are shots and sequences, and what their ports are, is their pack's declaration.
 */
export function shotTimeline(
  doc: WorkflowDocument,
  registry: NodeRegistry,
  view: RunView | undefined,
  statuses: ReadonlyMap<string, NodeRunStatus>,
): Timeline {
  const sequence = playedSequence(doc, registry)
  const shotNodes = shotsInPlayOrder(doc, registry, sequence)
  const shots = shotNodes.map(({ node, spec, role }): TimelineShot => {
    const params = parsedParams(registry, node)
    const status = statuses.get(node.id)
    // A stale or invalid shot runs again (once fixed): its old clip (length, price paid) no
    // longer stands for it; its old frame still shows, dimmed.
    const outdated = status?.state === 'stale' || status?.state === 'invalid'
    const run = outdated ? undefined : view?.nodes.get(node.id)
    const video = mediaOf(run?.outputs, role.video)
    const thumb = status?.imageUrl ?? status?.inputImages?.start
    // Invalid params have no price or length: nothing is made up for them (not 0 s, not $0).
    const price = params === undefined ? undefined : ((spec.cost ? spec.cost(params) : 0) ?? 0)
    const estimated = run?.status !== 'cached' && run?.status !== 'succeeded'
    const costUsd =
      run?.status === 'cached' ? 0 : run?.status === 'succeeded' ? (run.costUsd ?? price) : price
    return {
      nodeId: node.id,
      label: node.label ?? node.id,
      durationSec:
        video?.durationSec ?? (params === undefined ? undefined : role.durationSec(params)),
      costUsd,
      estimated,
      status: status?.state ?? 'not run',
      ...(thumb ? { thumbUrl: thumb } : {}),
      ...(video ? { videoUrl: mediaUrl(video) } : {}),
    }
  })
  const stitched = sequence
    ? mediaOf(view?.nodes.get(sequence.node.id)?.outputs, sequence.role.video)
    : undefined
  return {
    ...(sequence ? { sequenceId: sequence.node.id } : {}),
    shots,
    totalSec: shots.reduce((sum, s) => sum + (s.durationSec ?? 0), 0),
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
