import type { z } from 'zod'
import type { Path } from '../util/path.ts'
import { formatPath, type Issue } from '../validate/issue.ts'
import { fromZodIssues, humanizeZodIssue } from '../validate/zod-issues.ts'

/** A value read from untrusted input: a fresh copy plus warnings, or every problem found. */
export type ReadResult<T> =
  | { readonly ok: true; readonly value: T; readonly warnings: Issue[] }
  | { readonly ok: false; readonly issues: Issue[] }

/** Checks `value` against a structural zod schema; failures become `invalid-shape` issues. */
export function readShape<T>(
  schema: z.ZodType<T>,
  value: unknown,
  path: Path,
  nodeId?: string,
): { ok: true; value: T } | { ok: false; issues: Issue[] } {
  const result = schema.safeParse(value, { error: humanizeZodIssue })
  if (result.success) return { ok: true, value: result.data }
  return {
    ok: false,
    issues: fromZodIssues(result.error.issues, {
      code: 'invalid-shape',
      path,
      ...(nodeId === undefined ? {} : { nodeId }),
    }),
  }
}

/** One `unknown-field` warning per own key of `value` the format does not know. */
export function unknownFieldWarnings(
  value: unknown,
  known: ReadonlySet<string>,
  path: Path,
  nodeId?: string,
): Issue[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return []
  const warnings: Issue[] = []
  for (const key of Object.keys(value)) {
    if (known.has(key)) continue
    warnings.push({
      code: 'unknown-field',
      path: formatPath([...path, key]),
      message: `unknown field "${key}" was dropped`,
      severity: 'warning',
      ...(nodeId === undefined ? {} : { nodeId }),
    })
  }
  return warnings
}

/** An own data field of a value that may be anything (no getters run, nothing inherited). */
export function ownField(value: unknown, key: string): unknown {
  if (typeof value !== 'object' || value === null) return undefined
  return Object.getOwnPropertyDescriptor(value, key)?.value
}

/** A string field of a value that may be anything, e.g. to name a node in issues. */
export function stringField(value: unknown, key: string): string | undefined {
  const field = ownField(value, key)
  return typeof field === 'string' ? field : undefined
}
