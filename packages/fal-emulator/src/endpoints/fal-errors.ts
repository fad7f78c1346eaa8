/** One entry of a fal 422 `detail` array (pydantic's shape, plus fal toolkit's `url`/`ctx`). */
export interface FalErrorDetail {
  loc: (string | number)[]
  msg: string
  type: string
  input?: unknown
  ctx?: Record<string, unknown>
  url?: string
}

/** A model-side failure: the result call answers with this status, headers and body. */
export class ModelError extends Error {
  readonly status: number
  readonly detail: FalErrorDetail[]
  readonly headers: Record<string, string>

  constructor(detail: FalErrorDetail[], status = 422, headers: Record<string, string> = {}) {
    super(detail.map((d) => `${d.loc.join('.')}: ${d.msg}`).join('; '))
    this.name = 'ModelError'
    this.status = status
    this.detail = detail
    // fal toolkit errors are not retryable and cost nothing.
    this.headers = { 'x-fal-retryable': 'false', 'x-fal-billable-units': '0', ...headers }
  }
}

const DOCS = 'https://docs.fal.ai/errors'

/** Pydantic v2 `missing`. */
export function missingField(field: string, body: unknown): FalErrorDetail {
  return { loc: ['body', field], msg: 'Field required', type: 'missing', input: body }
}

/** Pydantic v2 `string_type`. */
export function notAString(field: string, value: unknown): FalErrorDetail {
  return {
    loc: ['body', field],
    msg: 'Input should be a valid string',
    type: 'string_type',
    input: value,
  }
}

/** Pydantic v2 `enum` for an enum such as Kling's duration (strings quoted, numbers not). */
export function notOneOf(
  field: string | (string | number)[],
  value: unknown,
  allowed: readonly (string | number)[],
): FalErrorDetail {
  const quoted = allowed.map((a) => (typeof a === 'string' ? `'${a}'` : String(a)))
  const expected =
    quoted.length === 1
      ? (quoted[0] ?? '')
      : `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`
  return {
    loc: ['body', ...(Array.isArray(field) ? field : [field])],
    msg: `Input should be ${expected}`,
    type: 'enum',
    input: value,
    ctx: { expected },
  }
}

/** fal toolkit file and image errors (fal/toolkit/exceptions.py), keyed by their `type`. */
export type ToolkitErrorType =
  | 'file_download_error'
  | 'file_too_large'
  | 'image_load_error'
  | 'image_too_small'
  | 'image_too_large'
  | 'image_aspect_ratio_error'
  | 'video_load_error'

const TOOLKIT_MESSAGES: Record<ToolkitErrorType, string> = {
  file_download_error:
    'Failed to download the file. Please check if the URL is accessible and try again.',
  file_too_large:
    'File size exceeds the maximum allowed size of {max_size} bytes. Please upload a smaller file.',
  image_load_error:
    'Failed to load the image. Please ensure the image file is not corrupted and is in a supported format.',
  image_too_small:
    'Image dimensions are too small. Minimum dimensions required: {min_width}x{min_height} pixels.',
  image_too_large:
    'Image dimensions are too large. Maximum dimensions allowed: {max_width}x{max_height} pixels.',
  image_aspect_ratio_error:
    'The aspect ratio of the image should be between {min_aspect_ratio} and {max_aspect_ratio}.',
  video_load_error:
    'Failed to load the video. Please ensure the video file is not corrupted and is in a supported format.',
}

/** A toolkit error on one input field, its message filled from `ctx`. */
export function toolkitError(
  loc: (string | number)[],
  type: ToolkitErrorType,
  input: unknown,
  ctx?: Record<string, unknown>,
): FalErrorDetail {
  const msg = TOOLKIT_MESSAGES[type].replace(/\{(\w+)\}/g, (_, key: string) =>
    String(ctx?.[key] ?? key),
  )
  const detail: FalErrorDetail = { loc: ['body', ...loc], msg, type, input, url: `${DOCS}#${type}` }
  if (ctx !== undefined) detail.ctx = ctx
  return detail
}
