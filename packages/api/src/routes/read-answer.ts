import type { z } from 'zod'
import { type ErrorBody, errorBody } from '../schemas/error-body.ts'
import type { ApiResponse, ApiRoute } from './api-routes.ts'
import { undeclaredFields } from './undeclared-fields.ts'

/**
 * What an answer of the API was, checked against its route's contract:
 * - `ok`: the route's success status, its body parsed by the route's schema;
 * - `refused`: a status ≥ 400; `body` is the `errorBody` (undefined when the answer was not one,
 *   e.g. a proxy's bare 500 or an HTML page; with `exact`, that is `unexpected`);
 * - `unexpected`: anything else (a success body the schema refuses, another status), with a
 *   `problem` naming the route, the status and the field at fault.
 * @public
 */
export type ApiAnswer<T> =
  | { readonly kind: 'ok'; readonly value: T }
  | { readonly kind: 'refused'; readonly status: number; readonly body: ErrorBody | undefined }
  | { readonly kind: 'unexpected'; readonly status: number; readonly problem: string }

/** Settings of {@link checkAnswer}. @public */
export interface CheckAnswerOptions {
  /**
   * Also refuse fields the contract does not declare (tests: the contract must describe the whole
   * answer). Clients leave it off, so a newer server's extra fields do not break them.
   */
  readonly exact?: boolean
}

/**
 * Checks an answer's parsed JSON body (`undefined` for none) against `route`. Never throws.
 * @public
 */
export function checkAnswer<R extends ApiRoute>(
  route: R,
  status: number,
  body: unknown,
  options: CheckAnswerOptions = {},
): ApiAnswer<ApiResponse<R>> {
  const name = `${route.method} ${route.path}`
  if (status >= 400) return checkRefusal(name, status, body, options)
  if (status !== route.status) {
    return {
      kind: 'unexpected',
      status,
      problem: `${name} answered ${status}, not ${route.status} as the API contract says`,
    }
  }
  const parsed = (route.response as z.ZodType<ApiResponse<R>>).safeParse(body)
  if (!parsed.success) {
    const first = parsed.error.issues[0]
    const where = first ? `${first.path.map(String).join('.') || '(body)'}: ${first.message}` : ''
    return {
      kind: 'unexpected',
      status,
      problem: `${name} answered ${status} with a body the API contract does not allow: ${where}`,
    }
  }
  const extra = options.exact ? undeclaredFields(body, parsed.data) : []
  if (extra.length > 0) return unexpected(status, `${name} answered ${status}`, extra)
  return { kind: 'ok', value: parsed.data }
}

/**
 * Checks a refusal (any status ≥ 400, of any route or of none: `what` names it) against the
 * error body. A body that is none is `refused` with `body` undefined, unless `exact`.
 * @public
 */
export function checkRefusal(
  what: string,
  status: number,
  body: unknown,
  options: CheckAnswerOptions = {},
): ApiAnswer<never> {
  const parsed = errorBody.safeParse(body)
  if (!parsed.success) {
    if (!options.exact) return { kind: 'refused', status, body: undefined }
    return {
      kind: 'unexpected',
      status,
      problem: `${what} answered ${status} without an error body`,
    }
  }
  const extra = options.exact ? undeclaredFields(body, parsed.data) : []
  if (extra.length > 0) return unexpected(status, `${what} answered ${status}`, extra)
  return { kind: 'refused', status, body: parsed.data }
}

/**
 * {@link checkAnswer} on an answer's text: empty is no body; text that is not JSON is
 * `unexpected` on a success status and an unknown refusal (`body` undefined) on an error status.
 * @public
 */
export function readAnswer<R extends ApiRoute>(
  route: R,
  status: number,
  text: string,
  options: CheckAnswerOptions = {},
): ApiAnswer<ApiResponse<R>> {
  if (text === '') return checkAnswer(route, status, undefined, options)
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    if (status >= 400) return checkRefusal(`${route.method} ${route.path}`, status, text, options)
    return {
      kind: 'unexpected',
      status,
      problem: `${route.method} ${route.path} answered ${status} with a body that is not JSON`,
    }
  }
  return checkAnswer(route, status, body, options)
}

function unexpected(status: number, what: string, fields: readonly string[]) {
  return {
    kind: 'unexpected' as const,
    status,
    problem: `${what} with fields the API contract (packages/api) does not declare: ${fields.join(', ')}`,
  }
}
