import type { ImageSizeField, MediaField, ModelField, NumberField } from '@shotchain/fal-catalog'
import { type FalErrorDetail, notAString, notOneOf } from './fal-errors.ts'
import { lengthError, rangeError } from './schema-checks.ts'

type Loc = (string | number)[]

/** A check's outcome: the value as fal's model holds it (coerced like pydantic), or the errors. */
export type Checked = { ok: true; value: unknown } | { ok: false; errors: FalErrorDetail[] }

const ok = (value: unknown): Checked => ({ ok: true, value })
const fail = (...errors: FalErrorDetail[]): Checked => ({ ok: false, errors })
const entry = (loc: Loc, msg: string, type: string, input: unknown): FalErrorDetail => ({
  loc: ['body', ...loc],
  msg,
  type,
  input,
})

/**
 * Checks one given value against its catalog field the way fal's pydantic model would (lax
 * mode: `"5"` is an integer, `"true"` a boolean; a number is never a string). Errors have
 * `loc` `['body', field, …]`.
 */
export function checkField(field: ModelField, value: unknown): Checked {
  const loc = [field.name]
  switch (field.kind) {
    case 'text': {
      if (typeof value !== 'string') return fail(notAString(field.name, value))
      const bad = lengthError(['body', ...loc], value, field)
      return bad === undefined ? ok(value) : fail(bad)
    }
    case 'enum':
      return field.values.includes(value as string | number)
        ? ok(value)
        : fail(notOneOf(loc, value, field.values))
    case 'number':
      return checkNumber(field, loc, value)
    case 'boolean':
      return checkBoolean(loc, value)
    case 'image-size':
      return checkImageSize(field, value)
    case 'media':
      return checkMedia(field, value)
    case 'other':
      return ok(value)
  }
}

/** Pydantic's lax `int` / `float`, then the field's range. */
function checkNumber(
  field: Pick<NumberField, 'integer' | 'min' | 'max'>,
  loc: Loc,
  value: unknown,
) {
  const parsed = typeof value === 'string' && value.trim() !== '' ? Number(value) : value
  if (field.integer) {
    if (typeof value === 'string' && !/^\s*[+-]?\d+\s*$/.test(value)) {
      const msg = 'Input should be a valid integer, unable to parse string as an integer'
      return fail(entry(loc, msg, 'int_parsing', value))
    }
    if (typeof parsed !== 'number' || !Number.isFinite(parsed)) {
      return fail(entry(loc, 'Input should be a valid integer', 'int_type', value))
    }
    if (!Number.isInteger(parsed)) {
      const msg = 'Input should be a valid integer, got a number with a fractional part'
      return fail(entry(loc, msg, 'int_from_float', value))
    }
  } else if (typeof parsed !== 'number' || !Number.isFinite(parsed)) {
    return typeof value === 'string'
      ? fail(
          entry(
            loc,
            'Input should be a valid number, unable to parse string as a number',
            'float_parsing',
            value,
          ),
        )
      : fail(entry(loc, 'Input should be a valid number', 'float_type', value))
  }
  const number = parsed as number
  const outside = rangeError(['body', ...loc], number, field)
  return outside === undefined ? ok(number) : fail(outside)
}

const TRUE_WORDS = ['true', '1', 'yes', 'on', 't', 'y']
const FALSE_WORDS = ['false', '0', 'no', 'off', 'f', 'n']

/** Pydantic's lax `bool`: booleans, 0 and 1, and words such as `"true"` or `"off"`. */
function checkBoolean(loc: Loc, value: unknown): Checked {
  if (typeof value === 'boolean') return ok(value)
  const word =
    typeof value === 'number' || typeof value === 'string' ? String(value).toLowerCase() : undefined
  if (word !== undefined && TRUE_WORDS.includes(word)) return ok(true)
  if (word !== undefined && FALSE_WORDS.includes(word)) return ok(false)
  return word === undefined
    ? fail(entry(loc, 'Input should be a valid boolean', 'bool_type', value))
    : fail(
        entry(
          loc,
          'Input should be a valid boolean, unable to interpret input',
          'bool_parsing',
          value,
        ),
      )
}

/** fal's `image_size`: a preset name, or `{width, height}` (each 512 when left out). */
function checkImageSize(field: ImageSizeField, value: unknown): Checked {
  const loc = [field.name]
  if (typeof value === 'string') {
    return field.presets.includes(value) ? ok(value) : fail(notOneOf(loc, value, field.presets))
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const msg = 'Input should be a valid dictionary or instance of ImageSize'
    return fail(entry(loc, msg, 'model_type', value))
  }
  const errors: FalErrorDetail[] = []
  const size: Record<string, number> = {}
  for (const side of ['width', 'height'] as const) {
    const given = (value as Record<string, unknown>)[side] ?? 512
    const checked = checkNumber({ integer: true, max: field.maxSide }, [...loc, side], given)
    if (!checked.ok) errors.push(...checked.errors)
    else if ((checked.value as number) <= 0) {
      const msg = 'Input should be greater than 0'
      errors.push({ ...entry([...loc, side], msg, 'greater_than', given), ctx: { gt: 0 } })
    } else size[side] = checked.value as number
  }
  return errors.length > 0 ? fail(...errors) : ok(size)
}

/** A file input: a URL string, or a list of them (`loc` then names the index). */
function checkMedia(field: MediaField, value: unknown): Checked {
  if (!field.list)
    return typeof value === 'string' ? ok(value) : fail(notAString(field.name, value))
  if (!Array.isArray(value)) {
    return fail(entry([field.name], 'Input should be a valid list', 'list_type', value))
  }
  const errors = value.flatMap((item, i) =>
    typeof item === 'string'
      ? []
      : [entry([field.name, i], 'Input should be a valid string', 'string_type', item)],
  )
  return errors.length > 0 ? fail(...errors) : ok(value)
}
