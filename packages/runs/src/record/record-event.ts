import { emptyRunState, foldRunEvent, type RunEvent } from '@shotchain/engine'
import type { Store } from '@shotchain/store'

/** A run event as the store keeps it: `seq` is the run's own, continuing across resumes. @public */
export interface StoredEvent {
  readonly seq: number
  readonly event: RunEvent
}

/** What a host adds to recording: what is kept of an event, and who hears of it. @public */
export interface EventSink {
  /** What is stored and published of an event (the server takes absolute paths out). */
  readonly toStored?: (event: RunEvent) => RunEvent
  /** Hears each event once it is stored (the server's event feed, the CLI's progress view). */
  readonly publish?: (runId: string, stored: StoredEvent) => void
}

/**
 * The `onEvent` of one execution of a run: renumbers each engine event after `baseSeq` (the run's
 * last stored seq when this execution began, so numbering continues across resumes), stores it,
 * stores the node's state as the engine's fold ({@link foldRunEvent}) leaves it, finishes the run
 * record on `run-finished` (with what the spend ledger holds for the run, over all its
 * executions), then publishes it. The store is written before anyone hears of the event, so a
 * replay never misses what a live subscriber saw.
 * @public
 */
export function createEventRecorder(
  options: EventSink & {
    readonly store: Store
    readonly runId: string
    readonly baseSeq: number
  },
): (event: RunEvent) => void {
  const { store, runId, baseSeq } = options
  // This execution's nodes, by the one fold of run events; the store keeps each node's latest.
  let run = emptyRunState(runId)
  return (engineEvent) => {
    const seq = baseSeq + engineEvent.seq
    const renumbered = { ...engineEvent, seq } as RunEvent
    const event = options.toStored ? options.toStored(renumbered) : renumbered
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
    // store, executing nowhere): a resubmit resumes it, and it can still succeed.
    if (event.type === 'run-finished' && nodesAwaitingDecision(store, runId).length === 0) {
      store.runs.finish(runId, event.status, store.spends.spentBy(runId), event.at)
    }
    options.publish?.(runId, { seq, event })
  }
}

/** Nodes of the run that failed with `ambiguous-submit` and wait for a person's decision. @public */
export function nodesAwaitingDecision(store: Store, runId: string): string[] {
  return store.nodeRuns
    .list(runId)
    .filter((n) => n.status === 'failed' && n.error?.code === 'ambiguous-submit')
    .map((n) => n.nodeId)
}

/** The run's stored events after `seq`; only {@link createEventRecorder} writes them. @public */
export function readEvents(store: Store, runId: string, seq: number): StoredEvent[] {
  return store.events.after(runId, seq) as StoredEvent[]
}
