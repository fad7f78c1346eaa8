import type { NodeOutputs } from '@shotchain/graph'
import type { RunCounts, RunEvent, RunStatus } from './events.ts'

/**
 * Where a node is in a run: one vocabulary from the engine to the screen (the server's node
 * records, the web's cards, the CLI's lines).
 *
 * - `waiting`: the run will run it; its inputs are not ready (the engine's slot state; no event
 *   says it, `run-started` lists it in `toRun`, `cached` or `reused`).
 * - `queued`: its inputs are ready; it waits for a slot in its resource pool (`node-queued`).
 * - `running`: it runs (`node-started`).
 * - `submitted`: its paid request is accepted and journaled (`node-submitted`), or it re-attached
 *   to one paid before (`node-started` with `resumeRequestId`). It is still running.
 * - `succeeded`, `cached`, `failed`, `skipped`, `cancelled`: as the events of those names.
 *
 * A screen may say these in its own words ("Done" for `succeeded`); it does not add states. What
 * an editor derives from the document (a node changed since the run) is not a run state.
 *
 * @public
 */
export type NodeStatus =
  | 'waiting'
  | 'queued'
  | 'running'
  | 'submitted'
  | 'succeeded'
  | 'cached'
  | 'failed'
  | 'skipped'
  | 'cancelled'

/** Every {@link NodeStatus}, in the order a node moves through them. @public */
export const NODE_STATUSES: readonly NodeStatus[] = [
  'waiting',
  'queued',
  'running',
  'submitted',
  'succeeded',
  'cached',
  'failed',
  'skipped',
  'cancelled',
]

/** One node of a run, as the run's events left it. @public */
export interface NodeState {
  readonly status: NodeStatus
  /** When it started running (the run's clock, ms). */
  readonly startedAt?: number
  /** When it succeeded, failed, was cancelled, or came from the cache after it started. */
  readonly endedAt?: number
  /** fal's request id, once submitted or re-attached to. */
  readonly requestId?: string
  /** The paid request it re-attached to instead of submitting again. */
  readonly resumeRequestId?: string
  /** fal's side of a submitted job: in fal's queue (at a position) or running there. */
  readonly fal?: { readonly status: 'queued' | 'running'; readonly queuePosition?: number }
  /** 0..1, only when the node reported how far along it is. */
  readonly fraction?: number
  /** The newest log line or progress message. */
  readonly log?: string
  /** What its submit committed (from `node-submitted`); what its attempt committed once succeeded. */
  readonly costUsd?: number
  /** Its results, once it succeeded or came from the cache. */
  readonly outputs?: NodeOutputs
  /** The identical node of this run whose result it took. */
  readonly reuseOf?: string
  /** Why it failed: a catalogue code, a message a person can act on, the field at fault. */
  readonly error?: { readonly code: string; readonly message: string; readonly field?: string }
  /** Why it was skipped. */
  readonly reason?: string
}

/** A run rebuilt from its events, over every execution (a resumed run starts again). @public */
export interface RunState {
  /** The run the events belong to; events of another run are ignored once it is known. */
  readonly runId?: string
  readonly status: 'starting' | 'running' | RunStatus
  /** When its latest execution started. */
  readonly startedAt?: number
  /** When its latest execution finished. */
  readonly endedAt?: number
  /** The nodes that do work in its latest execution (`toRun`), in plan order. */
  readonly working: readonly string[]
  /** Every node the run has told of, cached and reused ones too. */
  readonly nodes: ReadonlyMap<string, NodeState>
  /** The latest execution's estimate (0 before it started). */
  readonly estimateUsd: number
  /**
   * What the run has committed: the finished executions' totals, plus the submits of the one
   * executing now as they are made (spend is recorded at the submit, see docs/money.md).
   */
  readonly spentUsd: number
  /** What the finished executions committed (their `run-finished` totals). */
  readonly finishedSpentUsd: number
  /** The engine's counts, once an execution finished. */
  readonly counts?: RunCounts
  /** The last event applied; a replay resumes after it. */
  readonly lastSeq: number
}

/** A run before its first event; with `runId`, events of other runs are ignored. @public */
export function emptyRunState(runId?: string): RunState {
  return {
    ...(runId === undefined ? {} : { runId }),
    status: 'starting',
    working: [],
    nodes: new Map(),
    estimateUsd: 0,
    spentUsd: 0,
    finishedSpentUsd: 0,
    lastSeq: 0,
  }
}

/**
 * Applies one run event and returns the new state; `state` is not changed. Events at or before
 * `lastSeq`, and events of another run, change nothing, so a replay that overlaps what was
 * applied (a reconnect, a reload) is harmless. Node events after `run-finished` mean the run was
 * resumed: it is running again.
 *
 * @example
 * const state = events.reduce(foldRunEvent, emptyRunState(runId))
 * @public
 */
export function foldRunEvent(state: RunState, event: RunEvent): RunState {
  if (event.seq <= state.lastSeq) return state
  if (state.runId !== undefined && event.runId !== state.runId) return state
  const next: RunState = { ...state, runId: event.runId, lastSeq: event.seq }
  switch (event.type) {
    case 'run-started': {
      const nodes = new Map(state.nodes)
      // A new execution runs these again: what an earlier one left of them no longer stands.
      for (const id of event.toRun) nodes.set(id, { status: 'waiting' })
      for (const id of [...event.cached, ...event.reused])
        if (!nodes.has(id)) nodes.set(id, { status: 'waiting' })
      const { endedAt: _ended, counts: _counts, ...rest } = next
      return {
        ...rest,
        status: 'running',
        startedAt: event.at,
        working: event.toRun,
        nodes,
        estimateUsd: event.estimate.usd,
        spentUsd: state.finishedSpentUsd,
      }
    }
    case 'run-finished': {
      const spentUsd = state.finishedSpentUsd + event.spentUsd
      return {
        ...next,
        status: event.status,
        endedAt: event.at,
        spentUsd,
        finishedSpentUsd: spentUsd,
        counts: event.counts,
      }
    }
  }
  const resumed: RunState = isRunLive(state) ? next : { ...next, status: 'running' }
  const node = state.nodes.get(event.nodeId) ?? { status: 'waiting' }
  const set = (changed: NodeState, spentUsd = state.spentUsd): RunState => ({
    ...resumed,
    spentUsd,
    nodes: new Map(state.nodes).set(event.nodeId, changed),
  })
  switch (event.type) {
    case 'node-queued':
      return set({ ...node, status: 'queued' })
    case 'node-started': {
      const resume = event.resumeRequestId
      return set({
        ...node,
        status: resume ? 'submitted' : 'running',
        startedAt: event.at,
        ...(resume ? { resumeRequestId: resume, requestId: resume } : {}),
      })
    }
    case 'node-submitted':
      return set(
        { ...node, status: 'submitted', requestId: event.requestId, costUsd: event.costUsd },
        state.spentUsd + event.costUsd,
      )
    case 'node-progress': {
      const { status, queuePosition, logs, message, fraction } = event.progress
      const log = logs?.at(-1) ?? message
      // Any status but queued (running, or completed between two polls) is out of fal's queue.
      const fal =
        status === undefined
          ? node.fal
          : status === 'queued'
            ? { status, ...(queuePosition === undefined ? {} : { queuePosition }) }
            : { status: 'running' as const }
      return set({
        ...node,
        ...(fal ? { fal } : {}),
        ...(log === undefined ? {} : { log }),
        ...(fraction === undefined ? {} : { fraction: Math.min(1, Math.max(0, fraction)) }),
      })
    }
    case 'node-cached':
      return set({
        status: 'cached',
        outputs: event.outputs,
        ...(node.startedAt === undefined ? {} : { startedAt: node.startedAt, endedAt: event.at }),
        ...(event.reuseOf ? { reuseOf: event.reuseOf } : {}),
      })
    case 'node-succeeded':
      return set({
        ...node,
        status: 'succeeded',
        endedAt: event.at,
        outputs: event.outputs,
        costUsd: event.costUsd,
      })
    case 'node-failed': {
      const { code, message, field } = event.error
      return set({
        ...node,
        status: 'failed',
        endedAt: event.at,
        error: field ? { code, message, field } : { code, message },
      })
    }
    case 'node-skipped':
      return set({ ...node, status: 'skipped', reason: event.reason })
    case 'node-cancelled':
      return set({ ...node, status: 'cancelled', endedAt: event.at })
  }
}

/** Folds `events` in order onto `from` (an empty run by default). @public */
export function foldRunEvents(
  events: Iterable<RunEvent>,
  from: RunState = emptyRunState(),
): RunState {
  let state = from
  for (const event of events) state = foldRunEvent(state, event)
  return state
}

/** Whether the run can still change (it has not started, or it executes). @public */
export function isRunLive(state: RunState | undefined): boolean {
  return state !== undefined && (state.status === 'starting' || state.status === 'running')
}

/** How many of `ids` are in each status; a node the run has not told of counts as waiting. @public */
export function countNodeStatuses(
  state: RunState,
  ids: readonly string[],
): Readonly<Record<NodeStatus, number>> {
  const counts = Object.fromEntries(NODE_STATUSES.map((s) => [s, 0])) as Record<NodeStatus, number>
  for (const id of ids) counts[state.nodes.get(id)?.status ?? 'waiting']++
  return counts
}
