import { z } from 'zod'

/** A fal model the palette offers, with the node it adds. @public */
export const modelSummary = z.object({
  endpointId: z.string(),
  kind: z.enum(['text-to-image', 'image-to-video', 'image-edit', 'text-to-audio', 'other']),
  title: z.string(),
  description: z.string(),
  /** Its price at the schema's defaults, in USD; null when unknown. */
  priceUsd: z.number().nullable(),
  node: z.object({ type: z.string(), params: z.record(z.string(), z.unknown()) }),
  source: z.enum(['catalog', 'fetched']),
  /** fal's OpenAPI document of a fetched model, to build its node in the browser. */
  openapi: z.unknown().optional(),
})
/** @public */
export type ModelSummary = z.infer<typeof modelSummary>

/**
 * `GET /api/models`: the bundled catalog and the models fetched by id. `canAddById` is false
 * without `FAL_KEY`, and `addById` says so for a person.
 * @public
 */
export const modelList = z.object({
  models: z.array(modelSummary),
  canAddById: z.boolean(),
  addById: z.string(),
})
/** @public */
export type ModelList = z.infer<typeof modelList>

/** `POST /api/models`: fetch fal's schema of an endpoint and offer it as a node. @public */
export const addModelRequest = z.object({ endpointId: z.string().min(1, 'name an endpoint id') })
/** @public */
export type AddModelRequest = z.input<typeof addModelRequest>
