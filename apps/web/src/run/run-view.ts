import {
  emptyRunState,
  foldRunEvent,
  isRunLive,
  type NodeState,
  type RunEvent,
  type RunState,
} from '@shotchain/engine'

/** One node in a run, as the run's events left it: the engine's fold, in its words. */
export type NodeRun = NodeState

/** A run rebuilt from its event stream: what the page shows, live or replayed. */
export type RunView = RunState & { readonly runId: string }

/** The page's run `runId` before its first event; events of other runs do not reach it. */
export function emptyRun(runId: string): RunView {
  return { ...emptyRunState(runId), runId }
}

/**
 * Applies one event (the engine's {@link foldRunEvent}). Events at or before `lastSeq` are
 * ignored, so a replay that overlaps what was already applied (a reconnect, a reload) changes
 * nothing.
 */
export function applyRunEvent(view: RunView, event: RunEvent): RunView {
  return foldRunEvent(view, event) as RunView
}

/** Whether the run can still change. */
export const isLive: (view: RunView | undefined) => boolean = isRunLive
