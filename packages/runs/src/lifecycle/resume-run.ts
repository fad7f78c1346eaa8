import type { RunEvent } from '@shotchain/engine'
import { formatIssue } from '@shotchain/graph'
import { planWorkflow } from '@shotchain/runtime'
import type { LaunchRun, RunDeps } from './run-deps.ts'

/**
 * Carries on a recorded run from its frozen snapshot: nodes already done come from the cache, fal
 * jobs in flight are re-attached through the journal, and a job whose submit may have reached fal
 * without a recorded id fails with `ambiguous-submit` unless the run's `resubmit` list names it (a
 * person's decision). Returns whether it executes here. When the snapshot can no longer be planned (say, its image was deleted), the
 * run is finished as failed with a `run-finished` event, so followers are not left waiting.
 */
export async function resumeRun(deps: RunDeps, launch: LaunchRun, runId: string): Promise<boolean> {
  const run = deps.store.runs.get(runId)
  if (run === undefined) throw new Error(`resumeRun: no run ${runId}`)
  // No plan-time image check (`imageFacts`): the run passed it when it started. A shot still checks
  // its images before it submits, and fails on its own node rather than leaving the run unplanned.
  const planned = await planWorkflow({
    doc: run.doc,
    registry: deps.registry,
    services: deps.services,
    store: deps.store,
    resubmit: new Set(run.resubmit),
    ...(run.targets ? { targets: run.targets } : {}),
  })
  if (!planned.ok) {
    deps.log(`run ${runId} cannot resume: ${planned.issues.map((i) => formatIssue(i)).join('; ')}`)
    finishUnrun(deps, runId)
    return false
  }
  const options = { resubmit: new Set(run.resubmit), budgetUsd: run.budgetUsd }
  // Another process took it meanwhile: the decision is that process's to spend.
  if (!launch(runId, planned.plan, options)) return false
  // A decision to resubmit is spent by this execution: a restart later must ask again, never
  // resubmit on its own (the execution holds the set in memory).
  deps.store.runs.setResubmit(runId, [])
  return true
}

/**
 * Records the end of a run that is not executing (it could not be planned again, its engine
 * stopped on a bug, or a person cancelled it while it waited for a decision), as a stored and
 * published event. Its record gets the run's total from the spend ledger; the event says this
 * ending spent nothing, as every `run-finished` counts only its own execution (readers add them up).
 * @public
 */
export function finishUnrun(
  deps: RunDeps,
  runId: string,
  status: 'failed' | 'cancelled' = 'failed',
): void {
  const seq = deps.store.events.lastSeq(runId) + 1
  const at = deps.now()
  const event: RunEvent = {
    type: 'run-finished',
    runId,
    seq,
    at,
    status,
    spentUsd: 0,
    counts: { succeeded: 0, cached: 0, failed: 0, skipped: 0, cancelled: 0 },
  }
  deps.store.events.append(runId, seq, event)
  deps.store.runs.finish(runId, status, deps.store.spends.spentBy(runId), at)
  deps.publish?.(runId, { seq, event })
}
