import type { RunPlan } from '@shotchain/engine'
import type { NodeRegistry } from '@shotchain/graph'
import type { NodeServices } from '@shotchain/nodes'
import type { ReadImageFacts } from '@shotchain/runtime'
import type { Store } from '@shotchain/store'
import type { PathHider } from '../http/hide-paths.ts'
import type { EventHub } from './event-hub.ts'

/** What the run manager's parts share: one store, one set of node services, one hub. */
export interface RunDeps {
  readonly store: Store
  readonly registry: NodeRegistry
  readonly services: NodeServices
  /** Reads local images' headers, so a plan refuses images a shot would send fal in vain. */
  readonly imageFacts: ReadImageFacts
  readonly hub: EventHub
  readonly now: () => number
  /** Concurrency per resource pool for each run, e.g. `{ fal: 2 }`. */
  readonly limits: Readonly<Record<string, number>>
  /** Where the server's own problems go (not a user's: those are in responses and events). */
  readonly log: (line: string) => void
  /** Takes absolute paths out of the events and node states the browser reads. */
  readonly hide: PathHider
}

/** Starts executing a planned run in the background; see the run manager. */
export type LaunchRun = (
  runId: string,
  plan: RunPlan,
  options: {
    readonly resubmit: ReadonlySet<string>
    /** The run's budget, held against every submit of every execution (the spend ledger). */
    readonly budgetUsd: number | undefined
  },
) => void
