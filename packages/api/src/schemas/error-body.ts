import { z } from 'zod'

/**
 * One thing wrong with a request, named by its path: a body field (`targets.0`, `nodeIds`) or a
 * workflow's JSON path (`nodes[3].params.duration`). The graph's issues carry their code,
 * severity and the node (and field) at fault; a body's schema issues only a path and a message.
 * @public
 */
export const apiIssue = z.object({
  path: z.string(),
  message: z.string(),
  code: z.string().optional(),
  severity: z.enum(['error', 'warning']).optional(),
  nodeId: z.string().optional(),
  nodeIds: z.array(z.string()).optional(),
  field: z.string().optional(),
})
/** @public */
export type ApiIssue = z.infer<typeof apiIssue>

/**
 * Every refusal of the API: `error` in words a person can act on, and the `issues` at fault when
 * a body or a workflow was refused (400, 422). Some refusals say more: a stale save (409) the
 * `revision` now stored, a run over budget (409) its `estimateUsd` and `budgetUsd`, an upload
 * that does not decode (422) the form `field`.
 * @public
 */
export const errorBody = z.object({
  error: z.string(),
  issues: z.array(apiIssue).optional(),
  revision: z.number().int().optional(),
  estimateUsd: z.number().optional(),
  budgetUsd: z.number().optional(),
  field: z.string().optional(),
})
/** @public */
export type ErrorBody = z.infer<typeof errorBody>
