import type { RunEvent } from '@shotchain/engine'
import { type NodeRegistry, nodesWithRole, type WorkflowDocument } from '@shotchain/graph'
import type { MediaRef } from '@shotchain/nodes'
import type { Store } from '@shotchain/store'
import { nodesAwaitingDecision, readEvents } from '../record/record-event.ts'

/** A finished output of a run: the media an output node kept, and where to download it. */
export interface RunOutput {
  readonly nodeId: string
  readonly media: MediaRef
  readonly url: string
}

/**
 * A run as the API shows it: the record (with its frozen document), what it has spent (the
 * spend ledger's sum), each node's state, the outputs so far, and the nodes waiting for a
 * person's decision (`ambiguous-submit`).
 */
export function describeRun(store: Store, registry: NodeRegistry, runId: string, active: boolean) {
  const run = store.runs.get(runId)
  if (run === undefined) return undefined
  const nodes = store.nodeRuns.list(runId)
  const needsDecision =
    run.status === 'running' && !active ? nodesAwaitingDecision(store, runId) : []
  return {
    ...run,
    // What its submits committed so far, over every execution (also while it runs).
    spentUsd: store.spends.spentBy(runId),
    // Open, executing nowhere, stopped by submits a person must decide on (the resubmit route).
    status: needsDecision.length > 0 ? ('needs-decision' as const) : run.status,
    active,
    nodes,
    needsDecision,
    outputs: outputsOf(run.doc, registry, readEvents(store, runId, 0)),
  }
}

/** A run record without its document, for lists. */
export function summarizeRun<R extends { doc: unknown }>(run: R): Omit<R, 'doc'> {
  const { doc: _doc, ...rest } = run
  return rest
}

/** The media each output node kept (its pack's output role names the result key), by events. */
function outputsOf(
  doc: WorkflowDocument,
  registry: NodeRegistry,
  events: readonly { seq: number; event: RunEvent }[],
): RunOutput[] {
  const mediaKeys = new Map(
    nodesWithRole(doc, registry, 'output').map(({ node, role }) => [node.id, role.media]),
  )
  const found = new Map<string, RunOutput>()
  for (const { event } of events) {
    if (event.type !== 'node-succeeded' && event.type !== 'node-cached') continue
    const key = mediaKeys.get(event.nodeId)
    if (key === undefined) continue
    const media = event.outputs[key] as MediaRef | undefined
    if (media) found.set(event.nodeId, { nodeId: event.nodeId, media, url: `/media/${media.hash}` })
  }
  return [...found.values()]
}
