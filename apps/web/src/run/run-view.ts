import type { RunEvent } from '@shotchain/engine'
import type { NodeOutputs } from '@shotchain/graph'

/** One node in a run, as the run's events left it. */
export interface NodeRun {
  readonly state:
    | 'waiting'
    | 'queued'
    | 'running'
    | 'cached'
    | 'done'
    | 'failed'
    | 'skipped'
    | 'cancelled'
  /** fal's queue position while queued there. */
  readonly queuePosition?: number
  /** The latest log line or progress message. */
  readonly log?: string
  readonly requestId?: string
  /** When it started running (the server's clock, ms). */
  readonly startedAt?: number
  readonly error?: { readonly message: string; readonly field?: string; readonly code: string }
  /** Why it was skipped. */
  readonly reason?: string
  readonly outputs?: NodeOutputs
  readonly costUsd?: number
}

/** A run rebuilt from its event stream: what the page shows, live or replayed. */
export interface RunView {
  readonly runId: string
  readonly status: 'starting' | 'running' | 'succeeded' | 'failed' | 'cancelled'
  readonly estimateUsd?: number
  readonly spentUsd: number
  readonly startedAt?: number
  readonly finishedAt?: number
  readonly nodes: ReadonlyMap<string, NodeRun>
  /** The last event applied; a reconnect resumes after it. */
  readonly lastSeq: number
}

export function emptyRun(runId: string): RunView {
  return { runId, status: 'starting', spentUsd: 0, nodes: new Map(), lastSeq: 0 }
}

/**
 * Applies one event. Events at or before `lastSeq` are ignored, so a replay that overlaps what
 * was already applied (a reconnect, a reload) changes nothing.
 */
export function applyRunEvent(view: RunView, event: RunEvent): RunView {
  if (event.seq <= view.lastSeq || event.runId !== view.runId) return view
  const next = { ...view, lastSeq: event.seq }
  if (event.type === 'run-started') {
    const nodes = new Map(view.nodes)
    for (const id of event.toRun) nodes.set(id, { state: 'waiting' })
    return {
      ...next,
      status: 'running',
      startedAt: event.at,
      estimateUsd: event.estimate.usd,
      nodes,
    }
  }
  if (event.type === 'run-finished') {
    // A resumed run finishes again: what it spent adds up over its executions.
    const spentUsd = view.spentUsd + event.spentUsd
    return { ...next, status: event.status, spentUsd, finishedAt: event.at }
  }
  const node = view.nodes.get(event.nodeId) ?? { state: 'waiting' }
  // Node events after a run-finished: the run was resumed (a restart, or a person's decision).
  const resumed = isLive(view) ? next : { ...next, status: 'running' as const }
  const set = (changed: NodeRun) => ({
    ...resumed,
    nodes: new Map(view.nodes).set(event.nodeId, changed),
  })
  switch (event.type) {
    case 'node-queued':
      return set({ ...node, state: 'queued' })
    case 'node-started':
      return set({ ...node, state: 'running', startedAt: event.at })
    case 'node-submitted':
      return set({ ...node, requestId: event.requestId })
    case 'node-progress': {
      const { progress } = event
      const log = progress.logs?.at(-1) ?? progress.message ?? node.log
      const queued = progress.status === 'queued'
      return set({
        ...node,
        ...(log === undefined ? {} : { log }),
        ...(queued && progress.queuePosition !== undefined
          ? { queuePosition: progress.queuePosition }
          : {}),
        // Out of fal's queue (running, or straight to completed between two polls).
        ...(progress.status !== undefined && !queued ? { queuePosition: undefined } : {}),
      })
    }
    case 'node-cached':
      return set({ state: 'cached', outputs: event.outputs })
    case 'node-succeeded':
      return set({ ...node, state: 'done', outputs: event.outputs, costUsd: event.costUsd })
    case 'node-failed': {
      const { message, field, code } = event.error
      return set({
        ...node,
        state: 'failed',
        error: { message, code, ...(field ? { field } : {}) },
      })
    }
    case 'node-skipped':
      return set({ ...node, state: 'skipped', reason: event.reason })
    case 'node-cancelled':
      return set({ ...node, state: 'cancelled' })
  }
}

/** Whether the run can still change. */
export function isLive(view: RunView | undefined): boolean {
  return view !== undefined && (view.status === 'starting' || view.status === 'running')
}
