import {
  type ApiIssue,
  type ApiRoute,
  apiRoutes,
  type RunDetail,
  type RunSummary,
} from '@shotchain/api'
import type { WorkflowDocument } from '@shotchain/graph'
import { type ApiCall, type ApiFailure, callApi } from '../api/call-api.ts'

export type { RunSummary } from '@shotchain/api'

/** A refusal from the run API, in words a person can act on, with the issues at fault. */
export interface RunRefusal {
  readonly message: string
  /** Validation issues (node and field at fault) when the workflow itself was refused. */
  readonly issues: readonly ApiIssue[]
  /** Over budget: what it would cost. */
  readonly estimateUsd?: number
}

export type ApiResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly refusal: RunRefusal }

/** A run as the server holds it now: its status, whether it executes, what waits for a person. */
export type RunState = Pick<RunDetail, 'status' | 'active' | 'needsDecision'>

const UNREACHABLE = 'cannot reach the Shotchain server: is `pnpm start` still running?'

function refusalOf(failure: ApiFailure): RunRefusal {
  switch (failure.kind) {
    case 'unreachable':
      return { message: UNREACHABLE, issues: [] }
    case 'unexpected':
      return { message: failure.message, issues: [] }
    case 'refused': {
      const { body, status } = failure
      const estimateUsd = body?.estimateUsd
      return {
        message: body?.error ?? `the server answered ${status}`,
        issues: body?.issues ?? [],
        ...(estimateUsd === undefined ? {} : { estimateUsd }),
      }
    }
  }
}

async function call<T>(answer: Promise<ApiCall<T>>): Promise<ApiResult<T>> {
  const result = await answer
  return result.ok ? result : { ok: false, refusal: refusalOf(result.failure) }
}

const of = <R extends ApiRoute>(route: R, id: string, body?: Parameters<typeof callApi<R>>[1]) =>
  call(callApi(route, { ...body, params: { id } }))

/**
 * The run API of the Shotchain server (`apps/server`), from the page's own origin; answers are
 * parsed by the API contract (`@shotchain/api`).
 */
export const runApi = {
  /** What running `doc` (the editor's current document, saved or not) would do and cost. */
  estimate: (workflowId: string, doc: WorkflowDocument, targets?: readonly string[]) =>
    of(apiRoutes.estimate, workflowId, {
      body: { doc, ...(targets?.length ? { targets: [...targets] } : {}) },
    }),
  /** What running a workflow never saved (a new one) would do and cost. */
  estimateDraft: (doc: WorkflowDocument, targets?: readonly string[]) =>
    call(
      callApi(apiRoutes.estimateDraft, {
        body: { doc, ...(targets?.length ? { targets: [...targets] } : {}) },
      }),
    ),
  /** Starts a run of the saved workflow; refused over `budgetUsd` or when the workflow is invalid. */
  start: (workflowId: string, options: { targets?: readonly string[]; budgetUsd?: number }) =>
    of(apiRoutes.startRun, workflowId, {
      body: {
        ...(options.targets ? { targets: [...options.targets] } : {}),
        ...(options.budgetUsd === undefined ? {} : { budgetUsd: options.budgetUsd }),
      },
    }),
  cancel: (runId: string) => of(apiRoutes.cancelRun, runId),
  list: (workflowId: string): Promise<ApiResult<{ runs: RunSummary[] }>> =>
    of(apiRoutes.listRuns, workflowId),
  get: (runId: string): Promise<ApiResult<RunState>> => of(apiRoutes.getRun, runId),
  /** A person's decision: submit again these nodes although their first submit may have reached fal. */
  resubmit: (runId: string, nodeIds: readonly string[]) =>
    of(apiRoutes.resubmit, runId, { body: { nodeIds: [...nodeIds] } }),
}
