import { randomUUID } from 'node:crypto'
import type { RunPlan } from '@shotchain/engine'
import type { Issue, WorkflowDocument } from '@shotchain/graph'
import { planWorkflow } from '@shotchain/runtime'
import type { LaunchRun, RunDeps } from './run-deps.ts'

export interface StartRunRequest {
  readonly workflowId: string
  /** The workflow as saved now: it is frozen into the run, later edits do not reach it. */
  readonly doc: WorkflowDocument
  readonly targets?: readonly string[]
  readonly budgetUsd?: number
}

export type StartRunResult =
  | { readonly ok: true; readonly runId: string; readonly plan: RunPlan }
  | { readonly ok: false; readonly reason: 'invalid'; readonly issues: readonly Issue[] }
  | {
      readonly ok: false
      readonly reason: 'over-budget'
      readonly estimateUsd: number
      readonly budgetUsd: number
    }

/**
 * Plans a run of a snapshot of `doc`, refuses it when the plan has errors or the estimate (every
 * submit the run may make) is over the budget (nothing is recorded then), else records the run
 * with its snapshot and budget and launches it; the engine holds each submit to the budget too.
 */
export async function startRun(
  deps: RunDeps,
  launch: LaunchRun,
  request: StartRunRequest,
): Promise<StartRunResult> {
  // A deep copy: the run owns its document whatever the caller does with theirs afterwards.
  const doc = structuredClone(request.doc)
  const planned = await planWorkflow({
    doc,
    registry: deps.registry,
    services: deps.services,
    store: deps.store,
    imageFacts: deps.imageFacts,
    ...(request.targets ? { targets: request.targets } : {}),
  })
  if (!planned.ok) return { ok: false, reason: 'invalid', issues: planned.issues }
  const { plan } = planned
  if (request.budgetUsd !== undefined && plan.estimate.usd > request.budgetUsd) {
    return {
      ok: false,
      reason: 'over-budget',
      estimateUsd: plan.estimate.usd,
      budgetUsd: request.budgetUsd,
    }
  }
  const runId = randomUUID()
  deps.store.runs.create({
    id: runId,
    workflowId: request.workflowId,
    doc,
    targets: request.targets && request.targets.length > 0 ? request.targets : undefined,
    estimateUsd: plan.estimate.usd,
    budgetUsd: request.budgetUsd,
    createdAt: deps.now(),
  })
  launch(runId, plan, { resubmit: new Set(), budgetUsd: request.budgetUsd })
  return { ok: true, runId, plan }
}
