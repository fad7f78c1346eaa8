import type { ApiIssue } from '@shotchain/api'
import { issueText, type NodeRunStatus, type TakeRunStatus } from '@shotchain/editor'
import type { AnyNodeSpec, NodeRegistry, WorkflowDocument } from '@shotchain/graph'
import { takesOf, usdText } from '@shotchain/graph'
import { mediaOf, mediaUrl } from './media-of.ts'
import type { NodeRun, RunView } from './run-view.ts'
import { takeIdsInRun } from './take-runs.ts'

/**
 * What each node's card shows of the run on the page: its state and one line, the clip and the
 * frame it made (a node with takes: the picked take's, and each take's), and the images arriving
 * at its inputs. `stale` names nodes that an edit since
 * has made due to run again (from the estimate); they show as changed, their old result still
 * shown (dimmed).
 */
export function nodeStatuses(
  doc: WorkflowDocument,
  registry: NodeRegistry,
  view: RunView | undefined,
  stale: ReadonlySet<string>,
): Map<string, NodeRunStatus> {
  const statuses = new Map<string, NodeRunStatus>()
  if (view === undefined) return statuses
  for (const node of doc.nodes) {
    const takeIds = takeIdsInRun(node, (id) => view.nodes.has(id))
    const pickedId = takeIds[takesOf(node).pick - 1]
    const run = pickedId === undefined ? undefined : view.nodes.get(pickedId)
    if (run === undefined) continue
    const takes = takeIds.length > 1 ? takeStatuses(view, takeIds) : undefined
    const finished = run.status === 'succeeded' || run.status === 'cached'
    if (stale.has(node.id) && finished) {
      statuses.set(node.id, {
        state: 'stale',
        detail: 'changed since this run: it runs again',
        changed: true,
        ...mediaOfNode(run),
        ...(takes ? { takes } : {}),
      })
      continue
    }
    const status: NodeRunStatus = {
      ...stateOf(run),
      ...mediaOfNode(run),
      ...(takes ? { takes } : {}),
    }
    const inputImages = imagesInto(doc, registry, view, node.id)
    statuses.set(node.id, inputImages ? { ...status, inputImages } : status)
  }
  return statuses
}

/** Each take's state and clip in the run, take 1 first (`not run` for one the run lacks). */
function takeStatuses(view: RunView, takeIds: readonly (string | undefined)[]): TakeRunStatus[] {
  return takeIds.map((id, k) => {
    const run = id === undefined ? undefined : view.nodes.get(id)
    if (run === undefined) return { take: k + 1, state: 'not run' }
    return { take: k + 1, state: stateOf(run).state, ...mediaOfNode(run) }
  })
}

/** The card's state: the run's own word, but a paid job at fal (`submitted`) shows as running. */
function stateOf(run: NodeRun): NodeRunStatus {
  const queuePosition = run.fal?.status === 'queued' ? run.fal.queuePosition : undefined
  switch (run.status) {
    case 'waiting':
      return { state: 'queued', detail: 'waits for its inputs' }
    case 'queued':
      return {
        state: 'queued',
        detail:
          queuePosition === undefined
            ? 'waits for a free slot'
            : `queue position ${queuePosition} at fal`,
      }
    case 'running':
    case 'submitted':
      return {
        state: queuePosition === undefined ? 'running' : 'queued',
        ...(run.startedAt === undefined ? {} : { since: run.startedAt }),
        detail:
          queuePosition !== undefined
            ? `queue position ${queuePosition} at fal`
            : (run.log ?? (run.requestId ? 'submitted to fal' : 'running')),
      }
    case 'failed':
      return {
        state: 'failed',
        detail: run.error?.message ?? 'failed',
        ...(run.error?.field ? { field: run.error.field } : {}),
      }
    case 'skipped':
      return { state: 'skipped', detail: run.reason ?? 'skipped' }
    case 'cancelled':
      return { state: 'cancelled', detail: 'cancelled: nothing more was paid for it' }
    case 'cached':
      return { state: 'cached' }
    case 'succeeded':
      return {
        state: 'succeeded',
        ...(run.costUsd ? { detail: usdText(run.costUsd) } : {}),
      }
  }
}

function mediaOfNode(run: NodeRun): Pick<NodeRunStatus, 'videoUrl' | 'imageUrl'> {
  const video = mediaOf(run.outputs, 'video')
  const image = mediaOf(run.outputs, 'lastFrame') ?? mediaOf(run.outputs, 'image')
  return {
    ...(video ? { videoUrl: mediaUrl(video) } : {}),
    ...(image ? { imageUrl: mediaUrl(image) } : {}),
  }
}

/** The images the run delivered to a node's image inputs, by port. */
function imagesInto(
  doc: WorkflowDocument,
  registry: NodeRegistry,
  view: RunView,
  nodeId: string,
): Record<string, string> | undefined {
  let images: Record<string, string> | undefined
  const spec = registry.get(doc.nodes.find((n) => n.id === nodeId)?.type ?? '')
  for (const edge of doc.edges) {
    if (edge.to.node !== nodeId || spec?.inputs[edge.to.port]?.type !== 'image') continue
    const media = mediaOf(view.nodes.get(edge.from.node)?.outputs, edge.from.port)
    if (media) images = { ...images, [edge.to.port]: mediaUrl(media) }
  }
  return images
}

/**
 * Marks the nodes a refused run or estimate names (errors in the document, so nothing ran) as
 * `invalid`, with the problem as the editor says it (`issueText`, reading the node's spec from `specOf`) and the field at fault. Whatever the node
 * showed stays: a result it has is from before the edit that made it invalid (`changed`).
 */
export function markInvalid(
  statuses: Map<string, NodeRunStatus>,
  issues: readonly ApiIssue[],
  specOf: (nodeId: string) => AnyNodeSpec | undefined = () => undefined,
): Map<string, NodeRunStatus> {
  for (const issue of issues) {
    const id = issue.nodeId
    if (id === undefined || issue.severity !== 'error' || statuses.get(id)?.state === 'invalid')
      continue
    const before: Partial<NodeRunStatus> = statuses.get(id) ?? {}
    const { state: _state, detail: _detail, field: _field, since: _since, ...shown } = before
    const hasResult = shown.videoUrl !== undefined || shown.imageUrl !== undefined
    statuses.set(id, {
      ...shown,
      state: 'invalid',
      // As the editor says the document's own problems (`issueText`).
      detail: issueText(issue, specOf(id)),
      ...(issue.field ? { field: issue.field } : {}),
      ...(hasResult ? { changed: true } : {}),
    })
  }
  return statuses
}
