import type { RunCounts, RunEvent, RunStatus } from '@shotchain/engine'

/** A node's state in a run, in the engine's words (`node-succeeded` → `succeeded`). */
export type NodeStatus =
  | 'waiting'
  | 'queued'
  | 'running'
  | 'succeeded'
  | 'cached'
  | 'failed'
  | 'skipped'
  | 'cancelled'

/** One node of a run, as the run's events left it. */
export interface NodeState {
  readonly status: NodeStatus
  /** When it started running (the run's clock, ms). */
  readonly startedAt?: number
  /** When it succeeded, failed or was cancelled. */
  readonly endedAt?: number
  /** The paid request it re-attached to instead of submitting again. */
  readonly resumeRequestId?: string
  readonly requestId?: string
  /** fal's side of a submitted job: in fal's queue (at a position) or running there. */
  readonly fal?: { readonly status: 'queued' | 'running'; readonly queuePosition?: number }
  /** 0..1, only when the node reported how far along it is. */
  readonly fraction?: number
  /** The newest log line or progress message. */
  readonly log?: string
  /** What it cost when it succeeded. */
  readonly costUsd?: number
  /** The identical node of this run whose result it took. */
  readonly reuseOf?: string
  readonly error?: { readonly message: string; readonly field?: string }
  /** Why it was skipped. */
  readonly reason?: string
}

/** A run rebuilt from its events. */
export interface RunState {
  readonly status: 'starting' | 'running' | RunStatus
  readonly startedAt?: number
  readonly endedAt?: number
  /** The nodes that do work in this run (`toRun`), in plan order. */
  readonly working: readonly string[]
  /** Every node of the run, cached and reused ones too. */
  readonly nodes: ReadonlyMap<string, NodeState>
  readonly estimateUsd: number
  /** The sum of what succeeded nodes cost; the engine's total once the run finished. */
  readonly spentUsd: number
  /** The engine's counts, once the run finished. */
  readonly counts?: RunCounts
}

/** A run before its first event. */
export const EMPTY_RUN: RunState = {
  status: 'starting',
  working: [],
  nodes: new Map(),
  estimateUsd: 0,
  spentUsd: 0,
}

/**
 * Applies one run event and returns the new state; `state` is not changed. Folding a run's
 * events in order from {@link EMPTY_RUN} gives the run's state at the last one.
 *
 * @example
 * const state = events.reduce(applyRunEvent, EMPTY_RUN)
 */
export function applyRunEvent(state: RunState, event: RunEvent): RunState {
  switch (event.type) {
    case 'run-started': {
      const nodes = new Map<string, NodeState>()
      for (const id of [...event.toRun, ...event.cached, ...event.reused])
        nodes.set(id, { status: 'waiting' })
      return {
        ...state,
        status: 'running',
        startedAt: event.at,
        working: event.toRun,
        nodes,
        estimateUsd: event.estimate.usd,
      }
    }
    case 'run-finished':
      return {
        ...state,
        status: event.status,
        endedAt: event.at,
        spentUsd: event.spentUsd,
        counts: event.counts,
      }
  }
  const node = state.nodes.get(event.nodeId) ?? { status: 'waiting' }
  const set = (changed: NodeState, spentUsd = state.spentUsd): RunState => ({
    ...state,
    spentUsd,
    nodes: new Map(state.nodes).set(event.nodeId, changed),
  })
  switch (event.type) {
    case 'node-queued':
      return set({ ...node, status: 'queued' })
    case 'node-started':
      return set({
        ...node,
        status: 'running',
        startedAt: event.at,
        ...(event.resumeRequestId ? { resumeRequestId: event.resumeRequestId } : {}),
      })
    // Spend is recorded at the submit (the engine's ledger): a shot that then fails still paid.
    case 'node-submitted':
      return set(
        { ...node, requestId: event.requestId, costUsd: event.costUsd },
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
        ...(node.startedAt === undefined ? {} : { startedAt: node.startedAt, endedAt: event.at }),
        ...(event.reuseOf ? { reuseOf: event.reuseOf } : {}),
      })
    case 'node-succeeded':
      return set({ ...node, status: 'succeeded', endedAt: event.at, costUsd: event.costUsd })
    case 'node-failed': {
      const { message, field } = event.error
      return set({
        ...node,
        status: 'failed',
        endedAt: event.at,
        error: { message, ...(field ? { field } : {}) },
      })
    }
    case 'node-skipped':
      return set({ ...node, status: 'skipped', reason: event.reason })
    case 'node-cancelled':
      return set({ ...node, status: 'cancelled', endedAt: event.at })
  }
}

/** How many of `ids` are in each status. */
export function countStatuses(
  state: RunState,
  ids: readonly string[],
): Readonly<Record<NodeStatus, number>> {
  const counts: Record<NodeStatus, number> = {
    waiting: 0,
    queued: 0,
    running: 0,
    succeeded: 0,
    cached: 0,
    failed: 0,
    skipped: 0,
    cancelled: 0,
  }
  for (const id of ids) counts[state.nodes.get(id)?.status ?? 'waiting']++
  return counts
}
