import type { ErrorBody } from '@shotchain/api'
import type { Context } from 'hono'
import type { z } from 'zod'

/** A problem in a request body, named by its path (`targets[0]`) and said in words. */
export interface BodyIssue {
  readonly path: string
  readonly message: string
}

export type ReadJsonResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly response: Response }

/**
 * Reads the request body as JSON checked by `schema` (a route's `request` of the API contract,
 * `apiRoutes` of `@shotchain/api`). Malformed JSON is a 400 saying so; a body that breaks the
 * schema is a 400 `{ error, issues: [{ path, message }] }` naming each field.
 */
export async function readJson<S extends z.ZodType>(
  c: Context,
  schema: S,
): Promise<ReadJsonResult<z.infer<S>>> {
  const text = await c.req.text()
  let raw: unknown
  try {
    raw = text.trim() === '' ? {} : JSON.parse(text)
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    return {
      ok: false,
      response: c.json(
        { error: `the request body is not valid JSON: ${reason}` } satisfies ErrorBody,
        400,
      ),
    }
  }
  const parsed = schema.safeParse(raw)
  if (parsed.success) return { ok: true, value: parsed.data }
  const issues: BodyIssue[] = parsed.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(body)',
    message: issue.message,
  }))
  const first = issues[0]
  return {
    ok: false,
    response: c.json(
      {
        error: `the request body is invalid: ${first ? `${first.path}: ${first.message}` : 'see issues'}`,
        issues,
      } satisfies ErrorBody,
      400,
    ),
  }
}
