import { z } from 'zod'

// The structural shape of a workflow file, checked on load. Params stay `unknown` here: they
// are read by `readJsonObject` (iteratively) and checked against each node's spec later.

const id = z.string().min(1)
/** zod 4 numbers refuse NaN and ±Infinity, so positions are always finite. */
const coordinate = z.number()

/** A node position: two finite numbers. */
export const positionSchema = z.tuple([coordinate, coordinate])

/** One end of an edge. */
export const portRefSchema = z.object({ node: id, port: z.string().min(1) })

/** A node; its params are read separately. */
export const nodeSchema = z.object({
  id,
  type: z.string().min(1),
  position: positionSchema,
  params: z.unknown().refine((v) => v !== undefined, { error: 'is required' }),
  label: z.string().optional(),
  takes: z.object({ count: z.number(), pick: z.number() }).optional(),
})

/** An edge. */
export const edgeSchema = z.object({
  id,
  from: portRefSchema,
  to: portRefSchema,
  order: z.number().optional(),
})

/** The top level once `format` and `version` are settled; nodes and edges are read one by one. */
export const bodySchema = z.object({
  name: z.string(),
  nodes: z.array(z.unknown()),
  edges: z.array(z.unknown()),
})

/** Field names each object of the format knows; anything else is dropped with a warning. */
export const KNOWN_FIELDS = {
  document: new Set(['format', 'version', ...Object.keys(bodySchema.shape)]),
  node: new Set(Object.keys(nodeSchema.shape)),
  edge: new Set(Object.keys(edgeSchema.shape)),
  portRef: new Set(Object.keys(portRefSchema.shape)),
} as const
