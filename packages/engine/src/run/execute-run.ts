import type { ErrorInfo } from '@shotchain/errors'
import type { NodeOutputs } from '@shotchain/graph'
import type { CacheStore } from '../cache/cache-store.ts'
import type { Journal } from '../journal/journal.ts'
import type { RunPlan } from '../plan/types.ts'
import type { SpendLedger } from '../spend/spend-ledger.ts'
import type { RunCounts, RunEvent, RunStatus } from './events.ts'
import { RunExecution } from './run-execution.ts'

export interface ExecuteOptions<S = unknown> {
  /** Injected, like the clock, so runs are reproducible in tests. */
  readonly runId: string
  readonly now: () => number
  /** Handed to every node as `ctx.services` (fal gateway, media tools, blob store…). */
  readonly services: S
  /** Where results are stored as nodes finish. */
  readonly cache: CacheStore
  /** Where paid requests are recorded before the engine waits on them. */
  readonly journal: Journal
  /**
   * Where every paid submit is recorded as it is made; a run's spend is the sum of its records.
   * Default: a ledger in memory (nothing survives the process).
   */
  readonly ledger?: SpendLedger
  /**
   * The most the run may commit, in USD, across all its executions (the ledger's records under
   * `runId` count). Checked at each submit: one that would pass it fails with `over-budget` and
   * sends nothing. Default: no limit.
   */
  readonly budgetUsd?: number
  /** Lets nodes whose price is unknown submit under a budget (counted as $0). Default: refused. */
  readonly allowUnknownPrice?: boolean
  /** Concurrency per resource pool, e.g. `{ fal: 4 }`. Pools not named here are unlimited. */
  readonly limits?: Readonly<Record<string, number>>
  /** Cancels the run: reaches every running node; nodes not started are marked cancelled. */
  readonly signal?: AbortSignal
  /** Called synchronously for every event, in order. It should not throw; what it throws is kept in `listenerErrors`. */
  readonly onEvent?: (event: RunEvent) => void
  /**
   * Nodes a person chose to submit again whatever the journal holds for them: a submit that may
   * have reached the provider without its request id being saved, or a paid request that cannot
   * finish (its result will not download). Others with a `submitting` entry fail with
   * `ambiguous-submit` rather than risk paying twice. Plan with the same set (`planRun`'s
   * `resubmit`) so the estimate counts these submits.
   */
  readonly resubmit?: ReadonlySet<string>
  /**
   * Work in flight by cache key, shared by every execution of one process (the server's runs):
   * a node whose exact work another run is doing waits for that result instead of paying again.
   */
  readonly inflight?: Map<string, Promise<NodeOutputs>>
}

export interface RunResult {
  readonly runId: string
  readonly status: RunStatus
  /** Outputs of every node that succeeded or came from the cache. */
  readonly outputs: ReadonlyMap<string, NodeOutputs>
  readonly errors: readonly ErrorInfo[]
  /** What this execution's submits committed, in USD: every submit made, failed nodes' included. */
  readonly spentUsd: number
  readonly counts: RunCounts
  readonly listenerErrors: readonly unknown[]
}

/**
 * Carries out a plan: cached nodes report their stored results, the rest run as soon as their
 * inputs are ready, within the resource limits. A failed node skips what depends on it while
 * independent branches finish. Resolves when every node has settled; it does not reject for node
 * failures (they are in the result and the events).
 *
 * @example
 * const plan = planRun(doc, registry, { cache, journal })
 * if (plan.ok) {
 *   const result = await executeRun(plan.plan, {
 *     runId, now: Date.now, services, cache, journal, limits: { fal: 4 }, signal, onEvent,
 *   })
 * }
 */
export function executeRun<S>(plan: RunPlan, options: ExecuteOptions<S>): Promise<RunResult> {
  return new RunExecution(plan, options).start()
}
