import { type FalErrorDetail, missingField, notAString } from './fal-errors.ts'

/** The body as an object of fields, or the pydantic errors for a body that is not one. */
export function bodyFields(body: unknown): Record<string, unknown> | FalErrorDetail[] {
  if (body === undefined)
    return [{ loc: ['body'], msg: 'Field required', type: 'missing', input: null }]
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    const msg = 'Input should be a valid dictionary or object to extract fields from'
    return [{ loc: ['body'], msg, type: 'model_attributes_type', input: body }]
  }
  return body as Record<string, unknown>
}

/**
 * Checks a string field like pydantic: missing (when required), wrong type, shorter than
 * `minLength`. Pushes any error to `errors`; returns the value when it is a usable string.
 */
export function readString(
  fields: Record<string, unknown>,
  name: string,
  errors: FalErrorDetail[],
  options: { required: boolean; minLength?: number },
): string | undefined {
  const value = fields[name]
  if (value === undefined || (value === null && !options.required)) {
    if (options.required) errors.push(missingField(name, fields))
    return undefined
  }
  if (typeof value !== 'string') {
    errors.push(notAString(name, value))
    return undefined
  }
  const short = lengthError(['body', name], value, { minLength: options.minLength })
  if (short !== undefined) {
    errors.push(short)
    return undefined
  }
  return value
}

/**
 * Pydantic's `string_too_short` / `string_too_long` entry at `loc` (full, with `body`), or
 * undefined when the text's length is within the bounds given.
 */
export function lengthError(
  loc: (string | number)[],
  value: string,
  bounds: { minLength?: number | undefined; maxLength?: number | undefined },
): FalErrorDetail | undefined {
  const chars = (n: number) => `${n} character${n === 1 ? '' : 's'}`
  const { minLength: min, maxLength: max } = bounds
  if (min !== undefined && value.length < min) {
    const msg = `String should have at least ${chars(min)}`
    return { loc, msg, type: 'string_too_short', input: value, ctx: { min_length: min } }
  }
  if (max !== undefined && value.length > max) {
    const msg = `String should have at most ${chars(max)}`
    return { loc, msg, type: 'string_too_long', input: value, ctx: { max_length: max } }
  }
  return undefined
}

/**
 * Checks an optional number within [min, max] at `loc` (pydantic `greater_than_equal` /
 * `less_than_equal`); pushes any error and returns the number when it is usable.
 */
export function readNumberInRange(
  value: unknown,
  loc: (string | number)[],
  errors: FalErrorDetail[],
  range: { min: number; max: number },
): number | undefined {
  if (value === undefined || value === null) return undefined
  const at = ['body', ...loc]
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    errors.push({
      loc: at,
      msg: 'Input should be a valid number',
      type: 'float_type',
      input: value,
    })
    return undefined
  }
  const outside = rangeError(at, value, range)
  if (outside !== undefined) {
    errors.push(outside)
    return undefined
  }
  return value
}

/**
 * Pydantic's `greater_than_equal` / `less_than_equal` entry at `loc` (full, with `body`) for a
 * number outside [min, max] (either bound may be left out), or undefined when it is inside.
 */
export function rangeError(
  loc: (string | number)[],
  value: number,
  range: { min?: number | undefined; max?: number | undefined },
): FalErrorDetail | undefined {
  if (range.min !== undefined && value < range.min) {
    const msg = `Input should be greater than or equal to ${range.min}`
    return { loc, msg, type: 'greater_than_equal', input: value, ctx: { ge: range.min } }
  }
  if (range.max !== undefined && value > range.max) {
    const msg = `Input should be less than or equal to ${range.max}`
    return { loc, msg, type: 'less_than_equal', input: value, ctx: { le: range.max } }
  }
  return undefined
}
