import { executeRun } from '@shotchain/engine'
import type { NodeOutputs, WorkflowDocument } from '@shotchain/graph'
import { type PlanWorkflowResult, planWorkflow } from '@shotchain/runtime'
import { createEventRecorder, nodesAwaitingDecision } from './record-event.ts'
import { finishUnrun, resumeRun } from './resume-run.ts'
import type { LaunchRun, RunDeps } from './run-deps.ts'
import { type StartRunRequest, type StartRunResult, startRun } from './start-run.ts'

export type ResubmitResult =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: 'not-found' | 'running' | 'finished' }
  | { readonly ok: false; readonly reason: 'unknown-nodes'; readonly nodeIds: readonly string[] }

/** Every run of the process: started, followed, cancelled, resumed. */
export interface RunManager {
  /**
   * The plan and its cost for `doc` (saved, or an unsaved edit), without running or recording
   * anything; no planning state is kept between estimates, so an unsaved edit leaves no trace.
   */
  estimate(doc: WorkflowDocument, targets?: readonly string[]): Promise<PlanWorkflowResult>
  start(request: StartRunRequest): Promise<StartRunResult>
  /** Whether the run executes in this process now. */
  isActive(runId: string): boolean
  /** Cancels an executing run (its fal jobs are cancelled at fal); false when it is not executing. */
  cancel(runId: string): boolean
  /** Records a person's decision to submit `nodeIds` again, and resumes the run. */
  resubmit(runId: string, nodeIds: readonly string[]): Promise<ResubmitResult>
  /** Resumes every run the store has as unfinished (after a crash); returns how many. */
  resumeUnfinished(): Promise<number>
  /**
   * Cancels the runs executing now and waits for them to settle. Runs cancelled this way are
   * finished as `cancelled`, like a cancel from the API.
   */
  close(): Promise<void>
}

/** Creates the manager over `deps`. Each run executes with `deps.limits` and its own signal. */
export function createRunManager(deps: RunDeps): RunManager {
  const active = new Map<string, { controller: AbortController; done: Promise<void> }>()
  // Shots in flight by cache key across all runs: two runs of the same work pay once.
  const inflight = new Map<string, Promise<NodeOutputs>>()
  const resuming = new Set<string>()

  const launch: LaunchRun = (runId, plan, { resubmit, budgetUsd }) => {
    if (active.has(runId)) throw new Error(`run ${runId} is already executing`)
    const controller = new AbortController()
    const onEvent = createEventRecorder({
      store: deps.store,
      hub: deps.hub,
      runId,
      baseSeq: deps.store.events.lastSeq(runId),
      hide: deps.hide,
    })
    const done = executeRun(plan, {
      runId,
      now: deps.now,
      services: deps.services,
      cache: deps.store.cache,
      journal: deps.store.journal,
      ledger: deps.store.spends,
      ...(budgetUsd === undefined ? {} : { budgetUsd }),
      limits: deps.limits,
      signal: controller.signal,
      resubmit,
      inflight,
      onEvent,
    })
      .then((result) => {
        for (const error of result.listenerErrors) deps.log(`run ${runId}: ${String(error)}`)
      })
      .catch((error: unknown) => {
        deps.log(`run ${runId} stopped on an engine error: ${String(error)}`)
        finishUnrun(deps, runId)
      })
      .finally(() => active.delete(runId))
    active.set(runId, { controller, done })
  }

  return {
    estimate: (doc, targets) =>
      planWorkflow({
        doc,
        registry: deps.registry,
        services: deps.services,
        store: deps.store,
        imageFacts: deps.imageFacts,
        ...(targets ? { targets } : {}),
      }),
    start: (request) => startRun(deps, launch, request),
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
      const known = new Set(run.doc.nodes.map((n) => n.id))
      const unknown = nodeIds.filter((id) => !known.has(id))
      if (unknown.length > 0) return { ok: false, reason: 'unknown-nodes', nodeIds: unknown }
      // Marked before the first await, so a second request at the same moment is refused.
      resuming.add(runId)
      try {
        deps.store.runs.setResubmit(runId, nodeIds)
        await resumeRun(deps, launch, runId)
      } finally {
        resuming.delete(runId)
      }
      return { ok: true }
    },
    async resumeUnfinished() {
      let resumed = 0
      for (const run of deps.store.runs.unfinished()) {
        // A run waiting for a decision would only fail the same way again: leave it waiting.
        const waiting = nodesAwaitingDecision(deps.store, run.id)
        if (active.has(run.id) || waiting.some((id) => !run.resubmit.includes(id))) continue
        await resumeRun(deps, launch, run.id)
        resumed++
      }
      return resumed
    },
    async close() {
      for (const run of active.values()) run.controller.abort()
      await Promise.all([...active.values()].map((r) => r.done))
    },
  }
}
