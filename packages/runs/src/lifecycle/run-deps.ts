import type { RunPlan } from '@shotchain/engine'
import type { NodeRegistry } from '@shotchain/graph'
import type { NodeServices } from '@shotchain/nodes'
import type { ReadImageFacts } from '@shotchain/runtime'
import type { Store } from '@shotchain/store'
import type { EventSink } from '../record/record-event.ts'

/** What a run's lifecycle needs: one store, one set of node services, a clock. @public */
export interface RunDeps extends EventSink {
  readonly store: Store
  readonly registry: NodeRegistry
  readonly services: NodeServices
  /** Reads local images' headers, so a plan refuses images a shot would send fal in vain. */
  readonly imageFacts?: ReadImageFacts
  readonly now: () => number
  /** Concurrency per resource pool for each run, e.g. `{ fal: 2 }`. */
  readonly limits: Readonly<Record<string, number>>
  /** Where the host's own problems go (not a user's: those are in results and events). */
  readonly log: (line: string) => void
  /**
   * Who may execute a run, when several processes share the store (a team server): an execution
   * begins only once `take` says this process holds the run's lease, and `drop` gives it back
   * when the execution settles. Without it, this process executes every run it launches.
   */
  readonly lease?: RunLease
}

/** A process's hold on the runs it executes (see `RunDeps.lease`). @public */
export interface RunLease {
  /** Takes (or keeps) the run's lease; false when another process executes it. */
  take(runId: string): boolean
  /** Gives the run's lease back, if this process still holds it. */
  drop(runId: string): void
}

/** How one execution of a recorded run is launched. @internal */
export interface LaunchOptions {
  readonly resubmit: ReadonlySet<string>
  /** The run's budget, held against every submit of every execution (the spend ledger). */
  readonly budgetUsd: number | undefined
  /** Lets nodes of unknown price submit under the budget (the person allowed it). */
  readonly allowUnknownPrice?: boolean
  /** Cancels this execution too (the CLI's Ctrl+C), besides the lifecycle's own cancel. */
  readonly signal?: AbortSignal
}

/**
 * Starts executing a planned, recorded run in the background; false when it does not execute
 * here (another process holds its lease). @internal
 */
export type LaunchRun = (runId: string, plan: RunPlan, options: LaunchOptions) => boolean
