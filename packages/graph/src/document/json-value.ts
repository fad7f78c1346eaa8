import { describeObject, describeValue, isPlainObject } from '../util/describe-value.ts'
import type { Path } from '../util/path.ts'
import { formatPath, type Issue } from '../validate/issue.ts'

/** How deep params may nest. Real params are a level or two; this bounds hostile input. */
export const MAX_JSON_DEPTH = 100

/** The outcome of reading untrusted data as JSON: a fresh copy, or what is wrong with it. */
export type JsonReadResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly issues: Issue[] }

type Container = unknown[] | Record<string, unknown>

interface Frame {
  readonly source: object
  readonly target: Container
  readonly path: Path
  readonly depth: number
}

/**
 * Checks that `value` is plain JSON data and returns a deep copy of it (`-0` becomes `0`).
 * Works without recursion, so hostile nesting cannot overflow the stack; refuses non-finite
 * numbers, `undefined`, functions, class instances, shared or circular references, nesting
 * deeper than {@link MAX_JSON_DEPTH} and the key `__proto__`. Issues name `path` and below.
 */
export function readJsonValue(
  value: unknown,
  path: Path,
  nodeId?: string,
): JsonReadResult<unknown> {
  const issues: Issue[] = []
  const fail = (at: Path, message: string) => {
    issues.push({
      code: 'invalid-shape',
      path: formatPath(at),
      message,
      severity: 'error',
      ...(nodeId === undefined ? {} : { nodeId }),
    })
  }
  const seen = new Set<object>()
  const stack: Frame[] = []

  // Copies one value; containers are created empty and filled when their frame is popped.
  const copy = (v: unknown, at: Path, depth: number): unknown => {
    const problem = primitiveProblem(v)
    if (problem !== undefined) {
      fail(at, problem)
      return undefined
    }
    if (typeof v === 'number') return v + 0
    if (typeof v !== 'object' || v === null) return v
    if (seen.has(v)) {
      fail(at, 'appears twice (a shared or circular reference); expected plain JSON data')
      return undefined
    }
    seen.add(v)
    if (depth >= MAX_JSON_DEPTH) {
      fail(at, `is nested more than ${MAX_JSON_DEPTH} levels deep`)
      return undefined
    }
    const isArray = Array.isArray(v)
    if (!isArray && !isPlainObject(v)) {
      fail(at, `must be plain JSON data, not ${describeObject(v)}`)
      return undefined
    }
    const target: Container = isArray ? [] : {}
    stack.push({ source: v, target, path: at, depth: depth + 1 })
    return target
  }

  const root = copy(value, path, 0)
  while (stack.length > 0) {
    const frame = stack.pop() as Frame
    if (Array.isArray(frame.source)) {
      const source = frame.source as readonly unknown[]
      const target = frame.target as unknown[]
      for (let i = 0; i < source.length; i++) {
        target.push(copy(source[i], [...frame.path, i], frame.depth))
      }
      continue
    }
    const source = frame.source as Record<string, unknown>
    const target = frame.target as Record<string, unknown>
    for (const key of Object.keys(source)) {
      if (key === '__proto__') {
        fail([...frame.path, key], 'the key "__proto__" is not allowed; rename it')
        continue
      }
      // defineProperty, so no key can reach a setter on the prototype.
      Object.defineProperty(target, key, {
        value: copy(source[key], [...frame.path, key], frame.depth),
        enumerable: true,
        writable: true,
        configurable: true,
      })
    }
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: root }
}

/** {@link readJsonValue} for a params object: a plain object whose values are JSON. */
export function readJsonObject(
  value: unknown,
  path: Path,
  nodeId?: string,
): JsonReadResult<Record<string, unknown>> {
  if (!isPlainObject(value)) {
    return {
      ok: false,
      issues: [
        {
          code: 'invalid-shape',
          path: formatPath(path),
          message: `must be an object of named values, not ${describeValue(value)}`,
          severity: 'error',
          ...(nodeId === undefined ? {} : { nodeId }),
        },
      ],
    }
  }
  return readJsonValue(value, path, nodeId) as JsonReadResult<Record<string, unknown>>
}

function primitiveProblem(v: unknown): string | undefined {
  switch (typeof v) {
    case 'string':
    case 'boolean':
    case 'object':
      return undefined
    case 'number':
      return Number.isFinite(v) ? undefined : `must be a finite number, not ${String(v)}`
    case 'undefined':
      return 'has no value (undefined is not JSON)'
    default:
      return `must be plain JSON data, not a ${typeof v}`
  }
}
