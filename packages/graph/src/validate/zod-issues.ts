import type { z } from 'zod'
import { describeValue } from '../util/describe-value.ts'
import type { Path } from '../util/path.ts'
import { formatPath, type Issue, type IssueCode } from './issue.ts'

type RawIssue = z.core.$ZodRawIssue

const EXPECTED: Readonly<Record<string, string>> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  record: 'an object',
  array: 'a list',
  tuple: 'a list',
  null: 'null',
}

/**
 * A zod error map that words the common failures for a person (`must be at least 3`,
 * `must be one of "standard", "pro"`). Messages a schema sets itself take precedence, since zod
 * ranks a schema's own `error` above a per-parse map.
 */
export function humanizeZodIssue(issue: RawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'is required'
      return `must be ${EXPECTED[issue.expected] ?? issue.expected}, not ${describeValue(issue.input)}`
    case 'too_small':
      return boundMessage(issue.origin, 'at least', 'more than', issue.minimum, issue.inclusive)
    case 'too_big':
      return boundMessage(issue.origin, 'at most', 'less than', issue.maximum, issue.inclusive)
    case 'invalid_value':
      return issue.values.length === 1
        ? `must be ${formatLiteral(issue.values[0])}`
        : `must be one of ${issue.values.map(formatLiteral).join(', ')}`
    case 'not_multiple_of':
      return `must be a multiple of ${issue.divisor}`
    case 'invalid_format':
      return issue.format === 'regex'
        ? 'does not have the expected form'
        : `must be a valid ${issue.format}`
    case 'unrecognized_keys':
      return `has unknown fields: ${issue.keys.join(', ')}`
    case 'invalid_union':
      return 'does not match any of the allowed forms'
    default:
      return undefined
  }
}

function boundMessage(
  origin: string,
  inclusiveWord: string,
  exclusiveWord: string,
  bound: number | bigint,
  inclusive: boolean | undefined,
): string {
  const word = inclusive === false ? exclusiveWord : inclusiveWord
  switch (origin) {
    case 'string':
      if (inclusiveWord === 'at least' && bound === 1 && inclusive !== false)
        return 'must not be empty'
      return `must be ${word} ${bound} characters long`
    case 'array':
    case 'set':
      return `must have ${word} ${bound} item${bound === 1 ? '' : 's'}`
    default:
      return `must be ${word} ${bound}`
  }
}

function formatLiteral(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value)
}

/** Where a zod failure lands and who it concerns. */
export interface ZodIssueTarget {
  readonly code: IssueCode
  /** The path of the value zod parsed; zod's own path is appended. */
  readonly path: Path
  readonly nodeId?: string
  /** Set `field` to the first segment of zod's path (a param's name). */
  readonly fieldFromPath?: boolean
}

/**
 * Turns zod's issues into {@link Issue}s under `target.path`. An unknown key (strict schemas)
 * becomes one issue per key, at that key.
 */
export function fromZodIssues(
  zodIssues: readonly z.core.$ZodIssue[],
  target: ZodIssueTarget,
): Issue[] {
  const out: Issue[] = []
  const push = (inner: readonly PropertyKey[], message: string) => {
    const segments = inner.map((s) => (typeof s === 'symbol' ? String(s) : s))
    const first = segments[0]
    out.push({
      code: target.code,
      path: formatPath([...target.path, ...segments]),
      message,
      severity: 'error',
      ...(target.nodeId === undefined ? {} : { nodeId: target.nodeId }),
      ...(target.fieldFromPath === true && first !== undefined ? { field: String(first) } : {}),
    })
  }
  for (const issue of zodIssues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) push([...issue.path, key], 'is not a known field')
    } else {
      push(issue.path, issue.message)
    }
  }
  return out
}
