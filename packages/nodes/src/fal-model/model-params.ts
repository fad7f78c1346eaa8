import type { FalModel, ModelField } from '@shotchain/fal-catalog'
import { z } from 'zod'

/** Fields a node never offers: a data-URI result (`sync_mode`) bypasses the media store. */
const NEVER_SENT = new Set(['sync_mode'])

/** A field a model's node keeps as a param (and its body offers a control for). */
export type ParamField = Exclude<ModelField, { kind: 'media' } | { kind: 'other' }>

/** The fields a node keeps as params, in fal's order: every non-media field it can send. */
export function paramFieldsOf(model: FalModel): ParamField[] {
  return model.inputs.filter(
    (f): f is ParamField => f.kind !== 'media' && f.kind !== 'other' && !NEVER_SENT.has(f.name),
  )
}

/**
 * The params schema of a model's node: one param per field under fal's own name, holding the
 * value as it goes on the wire (Kling's duration stays `"5"`). Enums are checked against their
 * values, numbers against their range, text against its length; a field's default is filled in.
 * Prompt fields are optional here: a connected prompt port counts (the node's check says when
 * neither is there).
 */
export function paramsSchemaOf(model: FalModel): z.ZodType<Record<string, unknown>> {
  const shape: Record<string, z.ZodType> = {}
  for (const field of paramFieldsOf(model)) {
    const schema = fieldSchema(field)
    const hasDefault = field.default !== undefined && field.default !== null
    const optional = !field.required || /prompt$/.test(field.name)
    shape[field.name] = hasDefault
      ? schema.default(field.default as never)
      : optional
        ? schema.optional()
        : schema
  }
  return z.object(shape) as unknown as z.ZodType<Record<string, unknown>>
}

function fieldSchema(field: ModelField): z.ZodType {
  switch (field.kind) {
    case 'enum': {
      const list = field.values.map((v) => JSON.stringify(v)).join(', ')
      const literals = field.values.map((v) => z.literal(v))
      const [first, second, ...rest] = literals
      if (first === undefined) return z.never()
      const error = `must be one of ${list}`
      return second === undefined
        ? z.literal(field.values[0] as string | number, { error })
        : z.union([first, second, ...rest], { error })
    }
    case 'number': {
      let schema = z.number({ error: 'must be a number' })
      if (field.integer) schema = schema.int('must be a whole number')
      if (field.min !== undefined) schema = schema.min(field.min, `must be at least ${field.min}`)
      if (field.max !== undefined) schema = schema.max(field.max, `must be at most ${field.max}`)
      return schema
    }
    case 'boolean':
      return z.boolean({ error: 'must be true or false' })
    case 'text': {
      let schema = z.string({ error: 'must be text' })
      if (field.maxLength !== undefined) {
        schema = schema.max(field.maxLength, `must be at most ${field.maxLength} characters`)
      }
      return schema
    }
    case 'image-size': {
      const side = z
        .number()
        .int('must be a whole number of pixels')
        .min(1, 'must be at least 1 px')
        .max(field.maxSide ?? 14142, `must be at most ${field.maxSide ?? 14142} px`)
      const presets = field.presets as [string, ...string[]]
      return z.union([z.enum(presets), z.object({ width: side, height: side })], {
        error: `must be one of ${presets.join(', ')}, or {width, height}`,
      })
    }
    default:
      return z.unknown()
  }
}
