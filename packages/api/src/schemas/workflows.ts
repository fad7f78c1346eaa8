import { z } from 'zod'

/**
 * A workflow document as it travels: checked here only as far as its envelope (format, version,
 * name, nodes with ids and types, edges). The graph's `parseWorkflow` is what makes it a
 * document: the server runs it on every document it takes, a client on every one it opens.
 * @public
 */
export const workflowDocumentJson = z.looseObject({
  format: z.string(),
  version: z.number().int(),
  name: z.string(),
  nodes: z.array(z.looseObject({ id: z.string(), type: z.string() })),
  edges: z.array(z.unknown()),
})
/** @public */
export type WorkflowDocumentJson = z.infer<typeof workflowDocumentJson>

/** A saved workflow in a listing: everything but its document. @public */
export const workflowSummary = z.object({
  id: z.string(),
  /** The document's `name` when it was last saved. */
  name: z.string(),
  /** 1 when created, +1 on each save; a save names the revision it was based on. */
  revision: z.number().int().positive(),
  /** Milliseconds since the epoch. */
  createdAt: z.number(),
  updatedAt: z.number(),
})
/** @public */
export type WorkflowSummary = z.infer<typeof workflowSummary>

/** `GET /api/workflows`: every saved workflow, most recently saved first. @public */
export const workflowList = z.object({ workflows: z.array(workflowSummary) })
/** @public */
export type WorkflowList = z.infer<typeof workflowList>

/** A saved workflow with its document (get, create, update). @public */
export const savedWorkflow = workflowSummary.extend({ doc: workflowDocumentJson })
/** @public */
export type SavedWorkflow = z.infer<typeof savedWorkflow>

/**
 * `POST /api/workflows`: the body is a workflow document (an import). Any JSON passes this
 * schema; the server's workflow parser decides (422 with its issues).
 * @public
 */
export const createWorkflowRequest = z.unknown()

/**
 * `PUT /api/workflows/:id`: the document and the revision it was based on; a stale revision is a
 * 409 carrying the revision now stored.
 * @public
 */
export const updateWorkflowRequest = z.object({
  doc: z.unknown().refine((v) => v !== undefined, 'is missing: send the workflow document'),
  revision: z.number().int().nonnegative(),
})
/** @public */
export type UpdateWorkflowRequest = z.input<typeof updateWorkflowRequest>
