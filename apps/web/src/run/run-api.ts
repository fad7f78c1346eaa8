import type { Issue, WorkflowDocument } from '@shotchain/graph'
import type { Estimate } from './estimate-summary.ts'

/** A refusal from the run API, in words a person can act on, with the issues at fault. */
export interface RunRefusal {
  readonly message: string
  /** Validation issues (node and field at fault) when the workflow itself was refused. */
  readonly issues: readonly Issue[]
  /** Over budget: what it would cost. */
  readonly estimateUsd?: number
}

export type ApiResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly refusal: RunRefusal }

/** A run as the server holds it now: its status, whether it executes, what waits for a person. */
export interface RunState {
  readonly status: string
  readonly active: boolean
  readonly needsDecision?: string[]
}

/** A past or running run, as listed per workflow. */
export interface RunSummary {
  readonly id: string
  readonly status: string
  readonly createdAt: number
  readonly finishedAt?: number
  readonly estimateUsd?: number
  readonly spentUsd?: number
}

const UNREACHABLE = 'cannot reach the Shotchain server: is `pnpm start` still running?'

async function call<T>(url: string, init?: RequestInit): Promise<ApiResult<T>> {
  let response: Response
  try {
    response = await fetch(url, init)
  } catch {
    return { ok: false, refusal: { message: UNREACHABLE, issues: [] } }
  }
  const body = (await response.json().catch(() => undefined)) as Record<string, unknown> | undefined
  if (response.ok) return { ok: true, value: body as T }
  const message =
    typeof body?.error === 'string' ? body.error : `the server answered ${response.status}`
  const issues = Array.isArray(body?.issues) ? (body.issues as Issue[]) : []
  const estimateUsd = typeof body?.estimateUsd === 'number' ? body.estimateUsd : undefined
  return {
    ok: false,
    refusal: { message, issues, ...(estimateUsd === undefined ? {} : { estimateUsd }) },
  }
}

const post = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
})

/** The run API of the Shotchain server (`apps/server`), from the page's own origin. */
export const runApi = {
  /** What running `doc` (the editor's current document, saved or not) would do and cost. */
  estimate: (workflowId: string, doc: WorkflowDocument, targets?: readonly string[]) =>
    call<Estimate>(
      `/api/workflows/${encodeURIComponent(workflowId)}/estimate`,
      post({ doc, ...(targets?.length ? { targets } : {}) }),
    ),
  /** Starts a run of the saved workflow; refused over `budgetUsd` or when the workflow is invalid. */
  start: (workflowId: string, options: { targets?: readonly string[]; budgetUsd?: number }) =>
    call<{ runId: string }>(`/api/workflows/${encodeURIComponent(workflowId)}/runs`, post(options)),
  cancel: (runId: string) =>
    call<unknown>(`/api/runs/${encodeURIComponent(runId)}/cancel`, post({})),
  list: (workflowId: string) =>
    call<{ runs: RunSummary[] }>(`/api/workflows/${encodeURIComponent(workflowId)}/runs`),
  get: (runId: string) => call<RunState>(`/api/runs/${encodeURIComponent(runId)}`),
  /** A person's decision: submit these nodes again although their first submit may have reached fal. */
  resubmit: (runId: string, nodeIds: readonly string[]) =>
    call<unknown>(`/api/runs/${encodeURIComponent(runId)}/resubmit`, post({ nodeIds })),
}
