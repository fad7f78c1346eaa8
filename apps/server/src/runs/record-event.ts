import { emptyRunState, foldRunEvent, type RunEvent } from '@shotchain/engine'
import type { Store } from '@shotchain/store'
import type { PathHider } from '../http/hide-paths.ts'
import type { EventHub, StoredEvent } from './event-hub.ts'

/**
 * The `onEvent` of one execution of a run: renumbers each engine event after `baseSeq` (the run's
 * last stored seq when this execution began, so numbering continues across resumes), stores it,
 * updates the node's state, finishes the run record on `run-finished` (with what the spend
 * ledger holds for the run, over all its executions), then pushes it to the
 * run's live subscribers. The store is written before anyone hears of the event, so a replay
 * never misses what a live subscriber saw. Absolute paths in an event (a node error naming a file)
 * are stored and sent relative to a named root (`hide`).
 */
export function createEventRecorder(options: {
  readonly store: Store
  readonly hub: EventHub
  readonly runId: string
  readonly baseSeq: number
  readonly hide: PathHider
}): (event: RunEvent) => void {
  const { store, hub, runId, baseSeq } = options
  // This execution's nodes, by the one fold of run events; the store keeps each node's latest.
  let run = emptyRunState(runId)
  return (engineEvent) => {
    const seq = baseSeq + engineEvent.seq
    const event = options.hide.json({ ...engineEvent, seq } as RunEvent)
    store.events.append(runId, seq, event)
    run = foldRunEvent(run, event)
    // Progress changes no node's status: it is in the event log, not written to node runs.
    if ('nodeId' in event && event.type !== 'node-progress') {
      const node = run.nodes.get(event.nodeId)
      if (node !== undefined) {
        const { status, requestId, error } = node
        store.nodeRuns.set(runId, event.nodeId, {
          status,
          at: event.at,
          ...(requestId === undefined ? {} : { requestId }),
          ...(status === 'failed' && error !== undefined ? { error } : {}),
        })
      }
    }
    // A run stopped only by submits that need a person's decision stays open (`running` in the
    // store, executing nowhere): the resubmit route resumes it, and it can still succeed.
    if (event.type === 'run-finished' && nodesAwaitingDecision(store, runId).length === 0) {
      store.runs.finish(runId, event.status, store.spends.spentBy(runId), event.at)
    }
    hub.publish(runId, { seq, event })
  }
}

/** Nodes of the run that failed with `ambiguous-submit` and wait for a person's decision. */
export function nodesAwaitingDecision(store: Store, runId: string): string[] {
  return store.nodeRuns
    .list(runId)
    .filter((n) => n.status === 'failed' && n.error?.code === 'ambiguous-submit')
    .map((n) => n.nodeId)
}

/** The run's stored events after `seq`; only {@link createEventRecorder} writes them. */
export function readEvents(store: Store, runId: string, seq: number): StoredEvent[] {
  return store.events.after(runId, seq) as StoredEvent[]
}
