import type { FalModel, MediaField } from '@shotchain/fal-catalog'
import type { JobContext } from './endpoint.ts'
import { type FalErrorDetail, ModelError, missingField } from './fal-errors.ts'
import { checkField } from './field-checks.ts'
import { type ImageInput, isErrorDetail, loadImageInput } from './image-input.ts'
import { bodyFields } from './schema-checks.ts'

/** A request's params as fal's model holds them: given values (coerced) and schema defaults. */
export type CatalogParams = Readonly<Record<string, unknown>>

/**
 * Validates a request body against a catalog model's inputs like fal's pydantic model: a
 * required field missing, a value of the wrong type, outside its enum, range or length, a bad
 * `image_size` or a media field that is not a URL (list) all become one 422 {@link ModelError}
 * with every problem, `loc` naming the field. Fields the schema does not know are dropped, as
 * fal ignores them; `null` counts as left out for an optional field.
 */
export function parseCatalogInput(model: FalModel, body: unknown): CatalogParams {
  const fields = bodyFields(body)
  if (Array.isArray(fields)) throw new ModelError(fields)
  const errors: FalErrorDetail[] = []
  const params: Record<string, unknown> = {}
  for (const field of model.inputs) {
    const value = fields[field.name]
    if (value === undefined || (value === null && !field.required)) {
      if (field.required) errors.push(missingField(field.name, fields))
      else if (field.default !== undefined && field.default !== null) {
        params[field.name] = field.default
      }
      continue
    }
    const checked = checkField(field, value)
    if (checked.ok) params[field.name] = checked.value
    else errors.push(...checked.errors)
  }
  if (errors.length > 0) throw new ModelError(errors)
  return params
}

/** An image input that was downloaded and passed its field's limits. */
export interface LoadedImage {
  readonly field: MediaField
  /** The index in a list field. */
  readonly index?: number
  readonly image: ImageInput
}

/** The model's image fields, in schema order. */
export function imageFieldsOf(model: FalModel): MediaField[] {
  return model.inputs.filter((f): f is MediaField => f.kind === 'media' && f.media === 'image')
}

/**
 * Downloads every image the params give, all at once, each checked against its field's catalog
 * `limits` like fal's toolkit; resolves in schema (and list) order. Throws one 422
 * {@link ModelError} with an entry per image that failed, `loc` naming the field (and index).
 */
export async function loadCatalogImages(
  model: FalModel,
  params: CatalogParams,
  ctx: JobContext,
): Promise<LoadedImage[]> {
  interface Wanted {
    field: MediaField
    index?: number
    url: string
    loc: (string | number)[]
  }
  const wanted = imageFieldsOf(model).flatMap((field): Wanted[] => {
    const value = params[field.name]
    if (typeof value === 'string') return [{ field, url: value, loc: [field.name] }]
    if (!Array.isArray(value)) return []
    return value.map((url: string, index) => ({ field, index, url, loc: [field.name, index] }))
  })
  const results = await Promise.all(
    wanted.map((w) => loadImageInput(w.loc, w.url, ctx, w.field.limits ?? {})),
  )
  const errors = results.filter(isErrorDetail)
  if (errors.length > 0) throw new ModelError(errors)
  return wanted.map((w, i) => ({
    field: w.field,
    ...(w.index === undefined ? {} : { index: w.index }),
    image: results[i] as ImageInput,
  }))
}
