import { takeRunIds, type WorkflowNode } from '@shotchain/graph'
import type { MediaRef } from '@shotchain/nodes'

/** One take of a shot made several times, as the manifest lists it. */
export interface TakeRecord {
  readonly take: number
  /** Whether its clip is the one that goes on (the shot's `video`). */
  readonly picked: boolean
  /** The id its run gave it: the shot's own for the pick, `shot-2#take2` for another. */
  readonly runNode: string
  readonly requestId: string | undefined
  readonly video: string | undefined
  readonly costUsd: number
  readonly spentUsd: number
  readonly cached: boolean
}

/** What the manifest knows of each node the run planned or ran, by its run id. */
export interface TakeSources {
  readonly outputsOf: (runNode: string) => Readonly<Record<string, unknown>> | undefined
  readonly requestIdOf: (runNode: string) => string | undefined
  readonly costOf: (requestId: string) => number
  readonly spentOf: (runNode: string) => number
  readonly ranNow: (runNode: string) => boolean
}

/**
 * The takes of a shot with more than one (undefined for one take): each with its request, its
 * clip's hash and what it cost, the picked one marked.
 */
export function takeRecords(
  doc: WorkflowNode,
  videoPort: string,
  sources: TakeSources,
): TakeRecord[] | undefined {
  if (doc.takes === undefined || doc.takes.count === 1) return undefined
  const pick = doc.takes.pick
  return takeRunIds(doc).map((runNode, k) => {
    const outputs = sources.outputsOf(runNode)
    const requestId = (outputs?.requestId as string | undefined) ?? sources.requestIdOf(runNode)
    return {
      take: k + 1,
      picked: k + 1 === pick,
      runNode,
      requestId,
      video: (outputs?.[videoPort] as MediaRef | undefined)?.hash,
      costUsd: requestId === undefined ? 0 : sources.costOf(requestId),
      spentUsd: sources.spentOf(runNode),
      cached: !sources.ranNow(runNode),
    }
  })
}
