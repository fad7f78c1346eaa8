import { z } from 'zod'
import { apiIssue } from './error-body.ts'
import { workflowDocumentJson } from './workflows.ts'

const nodeIds = z.array(z.string().min(1)).max(1000)

/**
 * `POST /api/workflows/:id/estimate`: the nodes asked for (none: every output) and, optionally,
 * the editor's unsaved document, estimated instead of the saved one and never stored.
 * @public
 */
export const estimateRequest = z.object({
  targets: nodeIds.optional(),
  /** Checked by the server as a save checks a document (parser, image paths): 422 otherwise. */
  doc: z.unknown().optional(),
})
/** @public */
export type EstimateRequest = z.input<typeof estimateRequest>

/** `POST /api/estimate`: a document never saved (a new workflow), estimated as it stands. @public */
export const draftEstimateRequest = z.object({
  targets: nodeIds.optional(),
  /** Checked by the server as a save checks a document (parser, image paths): 422 otherwise. */
  doc: z.unknown(),
})

/** `POST /api/workflows/:id/runs`: the nodes asked for, and the most the run may commit. @public */
export const startRunRequest = z.object({
  targets: nodeIds.optional(),
  budgetUsd: z.number().nonnegative().optional(),
  /** Run nodes whose price is unknown although there is a budget (they count as $0). */
  allowUnknownPrice: z.boolean().optional(),
})
/** @public */
export type StartRunRequest = z.input<typeof startRunRequest>

/**
 * `POST /api/runs/:id/resubmit`: a person's decision to submit these nodes again although their
 * earlier submit may have reached fal without its request id.
 * @public
 */
export const resubmitRequest = z.object({ nodeIds: nodeIds.min(1, 'name at least one node') })
/** @public */
export type ResubmitRequest = z.input<typeof resubmitRequest>

/** What a run will do and cost: the engine's `RunEstimate`. @public */
export const runEstimate = z.object({
  /** The most the run may commit, in USD. */
  usd: z.number(),
  /** The part of `usd` that re-attached nodes cost only if fal lost their paid job. */
  resumedUsd: z.number(),
  run: z.number().int(),
  cached: z.number().int(),
  reused: z.number().int(),
  resumed: z.number().int(),
  needsDecision: z.number().int(),
  /** Nodes that will submit at a price nobody knows (not in `usd`). */
  unknownPrice: z.number().int(),
})
/** @public */
export type RunEstimate = z.infer<typeof runEstimate>

/** A node a plan touches, and what it may cost. @public */
export const plannedNode = z.object({
  id: z.string(),
  type: z.string(),
  action: z.enum(['run', 'cached', 'reuse']),
  costUsd: z.number(),
  /** A request an interrupted run already paid for: the node re-attaches to it. */
  resumeRequestId: z.string().optional(),
  /** A submit may have reached fal without its id being saved: a person must decide. */
  needsDecision: z.literal(true).optional(),
  /** Its price is unknown (a fal model without a catalog price); `costUsd` is 0. */
  priceUnknown: z.literal(true).optional(),
})
/** @public */
export type PlannedNode = z.infer<typeof plannedNode>

/**
 * `POST /api/workflows/:id/estimate` → what a run would do and cost, per node and in total, with
 * the issues that do not stop it (`warnings`).
 * @public
 */
export const runPlan = z.object({
  targets: z.array(z.string()),
  estimate: runEstimate,
  toRun: z.array(z.string()),
  cached: z.array(z.string()),
  reused: z.array(z.string()),
  nodes: z.array(plannedNode),
  warnings: z.array(apiIssue),
})
/** @public */
export type RunPlan = z.infer<typeof runPlan>

/** `POST /api/workflows/:id/runs` → 201: the run's id, the revision it runs, and its plan. @public */
export const runStarted = runPlan.extend({
  runId: z.string(),
  revision: z.number().int(),
})
/** @public */
export type RunStarted = z.infer<typeof runStarted>

/**
 * Where a run is. `needs-decision`: open, executing nowhere, stopped by submits a person must
 * decide on (only in `GET /api/runs/:id`; listings show it `running`).
 * @public
 */
export const runStatus = z.enum(['running', 'succeeded', 'failed', 'cancelled', 'needs-decision'])
/** @public */
export type RunStatus = z.infer<typeof runStatus>

/** A run without its document, as `GET /api/workflows/:id/runs` lists them (newest first). @public */
export const runSummary = z.object({
  id: z.string(),
  workflowId: z.string(),
  /** The nodes asked for; absent when the run runs the whole workflow. */
  targets: z.array(z.string()).optional(),
  estimateUsd: z.number(),
  budgetUsd: z.number().optional(),
  status: runStatus,
  /** What it paid; absent until known. */
  spentUsd: z.number().optional(),
  createdAt: z.number(),
  finishedAt: z.number().optional(),
  /** Nodes a person chose to submit again. */
  resubmit: z.array(z.string()),
})
/** @public */
export type RunSummary = z.infer<typeof runSummary>

/** `GET /api/workflows/:id/runs`. @public */
export const runList = z.object({ runs: z.array(runSummary) })
/** @public */
export type RunList = z.infer<typeof runList>

/** A node's latest state in a run. @public */
export const nodeRunState = z.object({
  nodeId: z.string(),
  status: z.string(),
  requestId: z.string().optional(),
  /** Why it failed: a catalogue code, a message, the field at fault. */
  error: z
    .object({ code: z.string(), message: z.string(), field: z.string().optional() })
    .optional(),
  updatedAt: z.number(),
})
/** @public */
export type NodeRunState = z.infer<typeof nodeRunState>

/**
 * A file an output node of the run produced. `media` is the node pack's media reference (its
 * hash at least); `url` downloads it (`/media/<hash>`).
 * @public
 */
export const runOutput = z.object({
  nodeId: z.string(),
  media: z.looseObject({ hash: z.string(), contentType: z.string() }),
  url: z.string(),
})
/** @public */
export type RunOutput = z.infer<typeof runOutput>

/**
 * `GET /api/runs/:id`: the run with its frozen document, what it has spent so far (every
 * execution's submits), whether it executes now, each node's state, its outputs, and the nodes
 * waiting for a person's decision.
 * @public
 */
export const runDetail = runSummary.extend({
  doc: workflowDocumentJson,
  spentUsd: z.number(),
  active: z.boolean(),
  nodes: z.array(nodeRunState),
  needsDecision: z.array(z.string()),
  outputs: z.array(runOutput),
})
/** @public */
export type RunDetail = z.infer<typeof runDetail>

/** `POST /api/runs/:id/cancel` → 202: its fal jobs are being cancelled. @public */
export const cancelAccepted = z.object({ runId: z.string(), cancelling: z.literal(true) })
/** @public */
export type CancelAccepted = z.infer<typeof cancelAccepted>

/** `POST /api/runs/:id/resubmit` → 202: the run resumes, submitting these nodes again. @public */
export const resubmitAccepted = z.object({
  runId: z.string(),
  resumed: z.literal(true),
  resubmit: z.array(z.string()),
})
/** @public */
export type ResubmitAccepted = z.infer<typeof resubmitAccepted>
