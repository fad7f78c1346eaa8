import type { ErrorInfo } from '@shotchain/errors'
import type { NodeOutputs, NodeProgress } from '@shotchain/graph'
import type { RunEstimate } from '../plan/types.ts'

export type RunStatus = 'succeeded' | 'failed' | 'cancelled'

/** What every event carries: its run, its place in the run's stream, and when it happened. */
interface EventBase {
  readonly runId: string
  /** 1, 2, 3… within the run; the server's SSE event id. */
  readonly seq: number
  /** The injected clock's milliseconds. */
  readonly at: number
}

interface NodeEventBase extends EventBase {
  readonly nodeId: string
}

/**
 * The stream a run reports on, in order. A UI or a log can rebuild the run's whole state from
 * it; the server stores it and replays it by `seq`.
 */
export type RunEvent =
  | (EventBase & {
      readonly type: 'run-started'
      readonly targets: readonly string[]
      readonly toRun: readonly string[]
      readonly cached: readonly string[]
      /** Nodes that take the result of an identical node of this run. */
      readonly reused: readonly string[]
      readonly estimate: RunEstimate
    })
  /** Its inputs are ready; it waits for a slot in its resource pool. */
  | (NodeEventBase & { readonly type: 'node-queued' })
  | (NodeEventBase & { readonly type: 'node-started'; readonly resumeRequestId?: string })
  /** Its paid request was accepted, its price recorded as spent, and its id journaled. */
  | (NodeEventBase & {
      readonly type: 'node-submitted'
      readonly requestId: string
      /** The price recorded in the spend ledger for this submit. */
      readonly costUsd: number
    })
  | (NodeEventBase & { readonly type: 'node-progress'; readonly progress: NodeProgress })
  /** Its result came from the cache, or from an identical node of this run (`reuseOf`). */
  | (NodeEventBase & {
      readonly type: 'node-cached'
      readonly outputs: NodeOutputs
      readonly reuseOf?: string
    })
  | (NodeEventBase & {
      readonly type: 'node-succeeded'
      readonly outputs: NodeOutputs
      /** What this attempt's submit committed (0 when it re-attached or paid nothing). */
      readonly costUsd: number
    })
  | (NodeEventBase & { readonly type: 'node-failed'; readonly error: ErrorInfo })
  /** It did not run because something it needs failed or was never produced. */
  | (NodeEventBase & {
      readonly type: 'node-skipped'
      readonly reason: string
      readonly causeNodeId: string
    })
  | (NodeEventBase & { readonly type: 'node-cancelled' })
  | (EventBase & {
      readonly type: 'run-finished'
      readonly status: RunStatus
      /** What this execution's submits committed, failed nodes' included (the spend ledger's sum). */
      readonly spentUsd: number
      readonly counts: RunCounts
    })

export interface RunCounts {
  readonly succeeded: number
  readonly cached: number
  readonly failed: number
  readonly skipped: number
  readonly cancelled: number
}

/** Distributes `Omit` over the union, so each event keeps its own fields. */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never

/** An event before the engine stamps it with run id, sequence number and time. */
export type RunEventBody = DistributiveOmit<RunEvent, keyof EventBase>
