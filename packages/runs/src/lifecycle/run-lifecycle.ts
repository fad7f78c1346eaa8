import { executeRun, type RunPlan, type RunResult } from '@shotchain/engine'
import { type NodeOutputs, takeRunIds, type WorkflowDocument } from '@shotchain/graph'
import type { PlanWorkflowResult } from '@shotchain/runtime'
import type { StoredRun } from '@shotchain/store'
import { createEventRecorder, nodesAwaitingDecision } from '../record/record-event.ts'
import { finishUnrun, resumeRun } from './resume-run.ts'
import type { LaunchRun, RunDeps } from './run-deps.ts'
import {
  planForRun,
  recordAndLaunch,
  type StartRunRequest,
  type StartRunResult,
  startRun,
} from './start-run.ts'

/** @public */
export type ResubmitResult =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: 'not-found' | 'running' | 'finished' }
  | { readonly ok: false; readonly reason: 'unknown-nodes'; readonly nodeIds: readonly string[] }

/**
 * Every run of one process: planned, budgeted, recorded, executed with the spend ledger and the
 * budget, cancelled, resumed. The server and the CLI both run through it, so every run has the
 * same records (run, node states, events, spends) in the store.
 * @public
 */
export interface RunLifecycle {
  /**
   * The plan and its cost for `doc` (saved, or an unsaved edit), without running or recording
   * anything; no planning state is kept between estimates, so an unsaved edit leaves no trace.
   */
  estimate(doc: WorkflowDocument, targets?: readonly string[]): Promise<PlanWorkflowResult>
  /** Plans, checks the budget, records and launches (see {@link startRun}). */
  start(request: StartRunRequest): Promise<StartRunResult>
  /**
   * Records and launches a run of a plan the caller made and showed (the CLI prints it first),
   * after checking its budget with `overBudget`. `signal` cancels it too. Returns the run id.
   */
  startPlanned(
    request: StartRunRequest & { readonly plan: RunPlan; readonly signal?: AbortSignal },
  ): string
  /**
   * The result of the run's execution in this process, once it settles; undefined when it is not
   * executing here, or when its engine stopped on a bug (the run is then finished as failed).
   */
  settled(runId: string): Promise<RunResult | undefined>
  /** Whether the run executes in this process now. */
  isActive(runId: string): boolean
  /** Cancels an executing run (its fal jobs are cancelled at fal); false when it is not executing. */
  cancel(runId: string): boolean
  /** Records a person's decision to submit `nodeIds` again, and resumes the run. */
  resubmit(runId: string, nodeIds: readonly string[]): Promise<ResubmitResult>
  /**
   * Resumes every run of `candidates` (by default, every run the store has as unfinished) that
   * `accept` takes (all by default), except runs waiting for a person's decision and runs another
   * process holds the lease of; returns how many now execute here.
   */
  resumeUnfinished(
    accept?: (run: StoredRun) => boolean,
    candidates?: readonly StoredRun[],
  ): Promise<number>
  /** Cancels the runs executing now and waits for them to settle (they finish as `cancelled`). */
  close(): Promise<void>
}

/** Creates the lifecycle over `deps`. Each run executes with `deps.limits` and its own signal. @public */
export function createRunLifecycle(deps: RunDeps): RunLifecycle {
  const active = new Map<
    string,
    { controller: AbortController; done: Promise<RunResult | undefined> }
  >()
  // Shots in flight by cache key across all runs: two runs of the same work pay once.
  const inflight = new Map<string, Promise<NodeOutputs>>()
  const resuming = new Set<string>()

  const launch: LaunchRun = (runId, plan, { resubmit, budgetUsd, allowUnknownPrice, signal }) => {
    if (active.has(runId)) throw new Error(`run ${runId} is already executing`)
    if (deps.lease !== undefined && !deps.lease.take(runId)) return false
    const controller = new AbortController()
    if (signal?.aborted) controller.abort()
    signal?.addEventListener('abort', () => controller.abort(), { once: true })
    const onEvent = createEventRecorder({
      store: deps.store,
      runId,
      baseSeq: deps.store.events.lastSeq(runId),
      ...(deps.toStored ? { toStored: deps.toStored } : {}),
      ...(deps.publish ? { publish: deps.publish } : {}),
    })
    const done = executeRun(plan, {
      runId,
      now: deps.now,
      services: deps.services,
      cache: deps.store.cache,
      journal: deps.store.journal,
      // Every submit is recorded as it is made, and held to the run's budget at that moment.
      ledger: deps.store.spends,
      ...(budgetUsd === undefined ? {} : { budgetUsd }),
      ...(allowUnknownPrice ? { allowUnknownPrice } : {}),
      limits: deps.limits,
      signal: controller.signal,
      resubmit,
      inflight,
      onEvent,
    })
      .then((result): RunResult | undefined => {
        for (const error of result.listenerErrors) deps.log(`run ${runId}: ${String(error)}`)
        return result
      })
      .catch((error: unknown) => {
        deps.log(`run ${runId} stopped on an engine error: ${String(error)}`)
        finishUnrun(deps, runId)
        return undefined
      })
      .finally(() => {
        active.delete(runId)
        deps.lease?.drop(runId)
      })
    active.set(runId, { controller, done })
    return true
  }

  return {
    estimate: (doc, targets) => planForRun(deps, { doc, ...(targets ? { targets } : {}) }),
    start: (request) => startRun(deps, launch, request),
    startPlanned: (request) => recordAndLaunch(deps, launch, request),
    settled: async (runId) => active.get(runId)?.done,
    isActive: (runId) => active.has(runId),
    cancel(runId) {
      const run = active.get(runId)
      if (run !== undefined) {
        run.controller.abort()
        return true
      }
      // Not executing but not finished: a run waiting for a decision. Cancelling it is the
      // decision "do not resubmit"; its journal entries stay, so nothing paid is forgotten.
      if (deps.store.runs.get(runId)?.status !== 'running') return false
      finishUnrun(deps, runId, 'cancelled')
      return true
    },
    async resubmit(runId, nodeIds) {
      const run = deps.store.runs.get(runId)
      if (run === undefined) return { ok: false, reason: 'not-found' }
      if (active.has(runId) || resuming.has(runId)) return { ok: false, reason: 'running' }
      if (run.status !== 'running') return { ok: false, reason: 'finished' }
      // A take not picked runs under its own id (`shot-2#take2`), and may wait for a decision too.
      const known = new Set(run.doc.nodes.flatMap(takeRunIds))
      const unknown = nodeIds.filter((id) => !known.has(id))
      if (unknown.length > 0) return { ok: false, reason: 'unknown-nodes', nodeIds: unknown }
      // Marked before the first await, so a second request at the same moment is refused.
      resuming.add(runId)
      try {
        deps.store.runs.setResubmit(runId, nodeIds)
        if (!(await resumeRun(deps, launch, runId))) return { ok: false, reason: 'running' }
      } finally {
        resuming.delete(runId)
      }
      return { ok: true }
    },
    async resumeUnfinished(accept = () => true, candidates = deps.store.runs.unfinished()) {
      let resumed = 0
      for (const run of candidates) {
        if (!accept(run)) continue
        // A run waiting for a decision would only fail the same way again: leave it waiting.
        const waiting = nodesAwaitingDecision(deps.store, run.id)
        if (active.has(run.id) || waiting.some((id) => !run.resubmit.includes(id))) continue
        if (await resumeRun(deps, launch, run.id)) resumed++
      }
      return resumed
    },
    async close() {
      for (const run of active.values()) run.controller.abort()
      await Promise.all([...active.values()].map((r) => r.done))
    },
  }
}
