import { randomUUID } from 'node:crypto'
import type { RunPlan } from '@shotchain/engine'
import type { Issue, WorkflowDocument } from '@shotchain/graph'
import { type PlanWorkflowResult, planWorkflow } from '@shotchain/runtime'
import type { LaunchRun, RunDeps } from './run-deps.ts'

/** A run someone asks for. @public */
export interface StartRunRequest {
  readonly workflowId: string
  /** The workflow as it is now: it is frozen into the run, later edits do not reach it. */
  readonly doc: WorkflowDocument
  readonly targets?: readonly string[]
  readonly budgetUsd?: number
  /** Run nodes of unknown price although there is a budget (the person said so). */
  readonly allowUnknownPrice?: boolean
  /** Nodes a person chose to submit again (priced in the estimate, see docs/money.md). */
  readonly resubmit?: readonly string[]
}

/** Why a run was refused before anything was recorded or paid. @public */
export type RunRefusal =
  | { readonly ok: false; readonly reason: 'invalid'; readonly issues: readonly Issue[] }
  | {
      readonly ok: false
      readonly reason: 'over-budget'
      readonly estimateUsd: number
      readonly budgetUsd: number
      /** Nodes of unknown price the budget cannot cover (the refusal's reason when over 0). */
      readonly unknownPrice: number
    }

/** @public */
export type StartRunResult =
  | { readonly ok: true; readonly runId: string; readonly plan: RunPlan }
  | RunRefusal

/** Plans `doc` for a run against the store's cache and journal; nothing is recorded. @public */
export function planForRun(
  deps: RunDeps,
  request: Omit<StartRunRequest, 'workflowId' | 'budgetUsd'> & { readonly signal?: AbortSignal },
): Promise<PlanWorkflowResult> {
  return planWorkflow({
    doc: request.doc,
    registry: deps.registry,
    services: deps.services,
    store: deps.store,
    ...(deps.imageFacts ? { imageFacts: deps.imageFacts } : {}),
    ...(request.targets ? { targets: request.targets } : {}),
    ...(request.signal ? { signal: request.signal } : {}),
    ...(request.resubmit ? { resubmit: new Set(request.resubmit) } : {}),
  })
}

/**
 * The refusal of a run whose estimate (every submit the run may make) is over `budgetUsd`, or
 * that would submit at an unknown price which a budget cannot cover (unless `allowUnknownPrice`);
 * undefined when it fits or there is no budget. The engine holds each submit to it too.
 * @public
 */
export function overBudget(
  plan: RunPlan,
  budgetUsd: number | undefined,
  allowUnknownPrice = false,
): Extract<RunRefusal, { reason: 'over-budget' }> | undefined {
  if (budgetUsd === undefined) return undefined
  const { usd, unknownPrice } = plan.estimate
  const unknown = allowUnknownPrice ? 0 : unknownPrice
  if (usd <= budgetUsd && unknown === 0) return undefined
  return { ok: false, reason: 'over-budget', estimateUsd: usd, budgetUsd, unknownPrice: unknown }
}

/**
 * Records a run of `plan` (its snapshot, targets, estimate and budget) and launches it. The
 * caller planned it and checked the budget ({@link planForRun}, {@link overBudget}).
 */
export function recordAndLaunch(
  deps: RunDeps,
  launch: LaunchRun,
  request: StartRunRequest & { readonly plan: RunPlan; readonly signal?: AbortSignal },
): string {
  const runId = randomUUID()
  deps.store.runs.create({
    id: runId,
    workflowId: request.workflowId,
    doc: request.plan.doc,
    targets: request.targets && request.targets.length > 0 ? request.targets : undefined,
    estimateUsd: request.plan.estimate.usd,
    budgetUsd: request.budgetUsd,
    createdAt: deps.now(),
  })
  // False only when another process of a team server took the fresh run first: it executes it.
  launch(runId, request.plan, {
    resubmit: new Set(request.resubmit),
    budgetUsd: request.budgetUsd,
    ...(request.allowUnknownPrice ? { allowUnknownPrice: true } : {}),
    ...(request.signal ? { signal: request.signal } : {}),
  })
  return runId
}

/**
 * Plans a run of a snapshot of `doc`, refuses it when the plan has errors or the estimate is over
 * the budget (nothing is recorded then), else records the run and launches it.
 */
export async function startRun(
  deps: RunDeps,
  launch: LaunchRun,
  request: StartRunRequest,
): Promise<StartRunResult> {
  // A deep copy: the run owns its document whatever the caller does with theirs afterwards.
  const doc = structuredClone(request.doc)
  const planned = await planForRun(deps, { ...request, doc })
  if (!planned.ok) return { ok: false, reason: 'invalid', issues: planned.issues }
  const { plan } = planned
  const refused = overBudget(plan, request.budgetUsd, request.allowUnknownPrice)
  if (refused) return refused
  return { ok: true, runId: recordAndLaunch(deps, launch, { ...request, plan }), plan }
}
