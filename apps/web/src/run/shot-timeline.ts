import type { NodeRunStatus } from '@shotchain/editor'
import type { NodeRegistry, WorkflowDocument, WorkflowNode } from '@shotchain/graph'
import { mediaOf, mediaUrl } from './media-of.ts'
import type { RunView } from './run-view.ts'

/** One shot on the timeline strip. */
export interface TimelineShot {
  readonly nodeId: string
  readonly label: string
  readonly durationSec: number
  /**
   * What it cost in the run shown (succeeded: paid; cached: zero), else what generating it would
   * cost (`estimated`): not run yet, running, failed, cancelled, skipped or changed since.
   */
  readonly costUsd: number
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
  readonly totalSec: number
  readonly totalUsd: number
  /** Whether the total includes estimates (shots not paid for in the run shown). */
  readonly estimated: boolean
  /** The stitched sequence of the run shown, once made. */
  readonly sequenceUrl?: string
}

/**
 * The shots in the order they play: the clips wired into the sequence (the one feeding an output,
 * else the first), in edge order; with no sequence, the workflow's Kling shots left to right.
 */
export function shotTimeline(
  doc: WorkflowDocument,
  registry: NodeRegistry,
  view: RunView | undefined,
  statuses: ReadonlyMap<string, NodeRunStatus>,
): Timeline {
  const byId = new Map(doc.nodes.map((n) => [n.id, n]))
  const sequences = doc.nodes.filter((n) => n.type === 'sequence')
  const feedsOutput = (id: string) =>
    doc.edges.some((e) => e.from.node === id && byId.get(e.to.node)?.type === 'output')
  const sequence = sequences.find((n) => feedsOutput(n.id)) ?? sequences[0]
  const shotNodes: WorkflowNode[] = sequence
    ? doc.edges
        .filter((e) => e.to.node === sequence.id && e.to.port === 'clips')
        .sort((a, b) => (a.order ?? 0) - (b.order ?? 0))
        .flatMap((e) => byId.get(e.from.node) ?? [])
    : doc.nodes
        .filter((n) => n.type === 'kling-o1-i2v')
        .sort((a, b) => a.position[0] - b.position[0])
  const shots = shotNodes.map((node): TimelineShot => {
    const spec = registry.get(node.type)
    const parsed = spec?.params.safeParse(node.params)
    const params = parsed?.success ? (parsed.data as { duration?: number }) : undefined
    const status = statuses.get(node.id)
    // A stale shot runs again: its old clip (length, price paid) no longer stands for it.
    const run = status?.state === 'stale' ? undefined : view?.nodes.get(node.id)
    const video = mediaOf(run?.outputs, 'video')
    const thumb = status?.imageUrl ?? status?.inputImages?.start
    const price = params && spec?.cost ? spec.cost(params) : 0
    const estimated = run?.status !== 'cached' && run?.status !== 'succeeded'
    const costUsd =
      run?.status === 'cached'
        ? 0
        : run?.status === 'succeeded'
          ? (run.costUsd ?? price)
          : price
    return {
      nodeId: node.id,
      label: node.label ?? node.id,
      durationSec: video?.durationSec ?? params?.duration ?? 0,
      costUsd,
      estimated,
      status: status?.state ?? 'not run',
      ...(thumb ? { thumbUrl: thumb } : {}),
      ...(video ? { videoUrl: mediaUrl(video) } : {}),
    }
  })
  const stitched = sequence ? mediaOf(view?.nodes.get(sequence.id)?.outputs, 'video') : undefined
  return {
    ...(sequence ? { sequenceId: sequence.id } : {}),
    shots,
    totalSec: shots.reduce((sum, s) => sum + s.durationSec, 0),
    totalUsd: shots.reduce((sum, s) => sum + s.costUsd, 0),
    estimated: shots.some((s) => s.estimated && s.costUsd > 0),
    ...(stitched ? { sequenceUrl: mediaUrl(stitched) } : {}),
  }
}
