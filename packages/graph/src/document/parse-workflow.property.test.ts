import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { documentArb } from '../testing/arbitraries.ts'
import { formatPath, type Issue } from '../validate/issue.ts'
import { type ParseWorkflowResult, parseWorkflow } from './parse-workflow.ts'
import { serializeWorkflow } from './serialize-workflow.ts'

/** Issues that may be about the whole input rather than a field. */
function isWholeInputIssue(issue: Issue): boolean {
  return (
    issue.code === 'invalid-json' ||
    (issue.code === 'invalid-shape' && issue.message.startsWith('a workflow must be'))
  )
}

function expectWellFormedResult(input: unknown): ParseWorkflowResult {
  const result = parseWorkflow(input)
  if (!result.ok) expect(result.issues.length).toBeGreaterThan(0)
  for (const issue of result.issues) {
    expect(issue.message).not.toBe('')
    expect(issue.message).not.toMatch(/could not be read/)
    if (!isWholeInputIssue(issue)) expect(issue.path).not.toBe('')
  }
  if (result.ok)
    expect(parseWorkflow(serializeWorkflow(result.doc))).toEqual({
      ok: true,
      doc: result.doc,
      issues: [],
    })
  return result
}

/** Every path into a JSON tree, as segment lists. */
function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (typeof value !== 'object' || value === null) return [prefix]
  const entries = Array.isArray(value)
    ? value.map((v, i) => [i, v] as const)
    : Object.entries(value)
  return [prefix, ...entries.flatMap(([k, v]) => pathsOf(v, [...prefix, k]))]
}

function mutate(
  value: unknown,
  path: readonly (string | number)[],
  replacement: { value: unknown } | 'delete',
): unknown {
  if (path.length === 0) return replacement === 'delete' ? undefined : replacement.value
  const [head, ...rest] = path as [string | number, ...(string | number)[]]
  const last = rest.length === 0 && replacement === 'delete'
  if (Array.isArray(value)) {
    const copy = [...value]
    if (last) copy.splice(head as number, 1)
    else copy[head as number] = mutate(copy[head as number], rest, replacement)
    return copy
  }
  const copy: Record<string, unknown> = { ...(value as object) }
  if (last) delete copy[head]
  else copy[head] = mutate(copy[head], rest, replacement)
  return copy
}

describe('parseWorkflow properties', () => {
  it('never throws on random JSON values or their text', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expectWellFormedResult(value)
        expectWellFormedResult(JSON.stringify(value))
      }),
    )
  })

  it('never throws on any JavaScript value', () => {
    fc.assert(
      fc.property(
        fc.anything({
          withBigInt: true,
          withDate: true,
          withMap: true,
          withSet: true,
          withNullPrototype: true,
          withTypedArray: true,
          withSparseArray: true,
          withBoxedValues: true,
        }),
        (value) => {
          expectWellFormedResult(value)
        },
      ),
    )
  })

  it('never throws on valid documents with one field dropped or replaced deep inside', () => {
    const mutation = fc.oneof(
      fc.constant('delete' as const),
      fc.anything().map((value) => ({ value })),
      fc.jsonValue().map((value) => ({ value })),
      fc
        .constantFrom(Number.NaN, Number.POSITIVE_INFINITY, '', '__proto__', {}, [])
        .map((value) => ({ value })),
    )
    fc.assert(
      fc.property(
        documentArb,
        fc.nat(),
        mutation,
        fc.boolean(),
        (document, pick, replacement, asText) => {
          const data = JSON.parse(serializeWorkflow(document))
          const paths = pathsOf(data)
          const target = paths[pick % paths.length] ?? []
          const broken = mutate(data, target, replacement)
          const result = expectWellFormedResult(
            asText ? (JSON.stringify(broken) ?? 'undefined') : broken,
          )
          if (result.ok || result.issues.some((i) => i.code === 'invalid-json')) return
          // The problem is named where it is: at, above or below the changed field, or in the
          // ids and edges that refer to it.
          const at = formatPath(target)
          const named = result.issues.some(
            (i) =>
              i.code === 'duplicate-id' ||
              i.code === 'dangling-edge' ||
              i.path.startsWith(at) ||
              at.startsWith(i.path),
          )
          expect(named).toBe(true)
        },
      ),
      { numRuns: 300 },
    )
    // 2 s alone; over 5 s once with the machine's two cores shared by other test runs.
  }, 30_000)

  it('parse(serialize(doc)) is doc, and serializing is stable', () => {
    fc.assert(
      fc.property(documentArb, (document) => {
        const text = serializeWorkflow(document)
        const result = parseWorkflow(text)
        expect(result).toEqual({ ok: true, doc: document, issues: [] })
        if (result.ok) expect(serializeWorkflow(result.doc)).toBe(text)
      }),
    )
  })
})
