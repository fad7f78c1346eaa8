import {
  createRunLifecycle,
  isCliRun,
  nodesAwaitingDecision,
  type RunDeps,
  type RunLifecycle,
} from '@shotchain/runs'
import type { EventFeed } from '@shotchain/store'
import type { PathHider } from '../http/hide-paths.ts'
import type { LeaseKeeper } from './lease-keeper.ts'

/** Every run of the server: the run lifecycle (@shotchain/runs), under this process's leases. */
export interface RunManager extends Omit<RunLifecycle, 'resumeUnfinished'> {
  /**
   * Takes over every run no process holds a live lease on (its process died, or a previous server
   * on this home stopped), except runs waiting for a person's decision and runs the CLI started
   * (running the file again carries those on); returns how many now execute here. A second call
   * while one is under way returns 0.
   */
  resumeUnfinished(): Promise<number>
  /**
   * Whether the run may still get events: it executes here, or it is `running`, not the CLI's,
   * and not waiting for a decision (so some process executes it, or will take it over).
   */
  mayProgress(runId: string): boolean
  /** Cancels the runs executing here whose cancel another process was asked for. */
  cancelRequested(): void
}

/** What the server hands the run lifecycle, and what it adds: leases, feed, path hiding. */
export interface ServerRunDeps extends Omit<RunDeps, 'toStored' | 'publish' | 'lease'> {
  /** This process's leases: a run executes here only while this process holds its lease. */
  readonly leases: LeaseKeeper
  /** Woken on each event this process records. */
  readonly feed: EventFeed
  /** Takes absolute paths out of the events and node states the browser reads. */
  readonly hide: PathHider
}

/**
 * Creates the server's run manager: the shared lifecycle, executing only runs whose lease this
 * process holds, with every event stored without this machine's absolute paths and its followers
 * woken through the feed.
 */
export function createRunManager(deps: ServerRunDeps): RunManager {
  const { leases, feed, hide, ...rest } = deps
  const lifecycle = createRunLifecycle({
    ...rest,
    lease: leases,
    toStored: (event) => hide.json(event),
    publish: (runId) => feed.notify(runId),
  })
  const executesHere = (runId: string) => lifecycle.isActive(runId) && !leases.lost(runId)
  let scanning = false
  return {
    ...lifecycle,
    isActive: executesHere,
    cancel(runId) {
      if (lifecycle.isActive(runId)) return !leases.lost(runId) && lifecycle.cancel(runId)
      // A run waiting for a decision is cancelled by whoever holds its lease for that moment;
      // one another process executes is cancelled by that process, at its next heartbeat.
      if (!leases.take(runId)) return deps.store.runs.requestCancel(runId)
      try {
        return lifecycle.cancel(runId)
      } finally {
        leases.drop(runId)
      }
    },
    cancelRequested() {
      for (const runId of deps.store.runs.cancelRequests(leases.owner))
        if (executesHere(runId)) lifecycle.cancel(runId)
    },
    mayProgress(runId) {
      if (executesHere(runId)) return true
      const run = deps.store.runs.get(runId)
      if (run === undefined || run.status !== 'running' || isCliRun(run)) return false
      return nodesAwaitingDecision(deps.store, runId).length === 0
    },
    async resumeUnfinished() {
      if (scanning) return 0
      scanning = true
      try {
        const claimable = deps.store.runs.claimable(deps.now())
        if (claimable.length === 0) return 0
        return await lifecycle.resumeUnfinished((run) => !isCliRun(run), claimable)
      } finally {
        scanning = false
      }
    },
  }
}
