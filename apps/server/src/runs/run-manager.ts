import { createRunLifecycle, isCliRun, type RunDeps, type RunLifecycle } from '@shotchain/runs'
import type { PathHider } from '../http/hide-paths.ts'
import type { EventHub } from './event-hub.ts'

/** Every run of the server: the run lifecycle (@shotchain/runs), heard through the SSE hub. */
export interface RunManager extends Omit<RunLifecycle, 'resumeUnfinished'> {
  /**
   * Resumes every run the store has as unfinished (after a crash), except runs waiting for a
   * person's decision and runs the CLI started (running the file again carries those on);
   * returns how many.
   */
  resumeUnfinished(): Promise<number>
}

/** What the server hands the run lifecycle, and what it adds: its hub and its path hiding. */
export interface ServerRunDeps extends Omit<RunDeps, 'toStored' | 'publish'> {
  readonly hub: EventHub
  /** Takes absolute paths out of the events and node states the browser reads. */
  readonly hide: PathHider
}

/**
 * Creates the server's run manager: the shared lifecycle, with every event stored and sent
 * without this machine's absolute paths and published to the run's SSE subscribers.
 */
export function createRunManager(deps: ServerRunDeps): RunManager {
  const { hub, hide, ...rest } = deps
  const lifecycle = createRunLifecycle({
    ...rest,
    toStored: (event) => hide.json(event),
    publish: (runId, stored) => hub.publish(runId, stored),
  })
  return {
    ...lifecycle,
    resumeUnfinished: () => lifecycle.resumeUnfinished((run) => !isCliRun(run)),
  }
}
