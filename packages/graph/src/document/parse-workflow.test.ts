import { describe, expect, it } from 'vitest'
import { doc, edge, node, twoShotChain } from '../testing/test-specs.ts'
import type { Issue } from '../validate/issue.ts'
import { parseWorkflow } from './parse-workflow.ts'
import { serializeWorkflow } from './serialize-workflow.ts'
import { WORKFLOW_VERSION } from './types.ts'

function issuesOf(input: unknown): readonly Issue[] {
  const result = parseWorkflow(input)
  expect(result.ok).toBe(false)
  return result.issues
}

function isDeepFrozen(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return true
  return Object.isFrozen(value) && Object.values(value).every(isDeepFrozen)
}

/** A valid document as plain JSON data, for tests to break. */
function raw(): Record<string, unknown> {
  return JSON.parse(JSON.stringify(twoShotChain()))
}

describe('parseWorkflow', () => {
  it('loads a valid document from text or from a parsed value, as a fresh deep-frozen copy', () => {
    const input = raw()
    const fromValue = parseWorkflow(input)
    const fromText = parseWorkflow(JSON.stringify(input))
    expect(fromValue).toEqual({ ok: true, doc: twoShotChain(), issues: [] })
    expect(fromText).toEqual(fromValue)
    if (!fromValue.ok) return
    expect(isDeepFrozen(fromValue.doc)).toBe(true)
    expect(fromValue.doc.nodes[0]?.params).not.toBe(
      (input.nodes as { params: unknown }[])[0]?.params,
    )
    expect(Object.isFrozen(input)).toBe(false)
  })

  it('reports bad JSON with its line and column', () => {
    const [issue] = issuesOf('{\n  "format": "shotchain.workflow",\n  "version": 1,,\n}')
    expect(issue?.code).toBe('invalid-json')
    expect(issue?.message).toMatch(/not valid JSON.*line 3, column 16/)
    expect(issuesOf('')[0]?.message).toMatch(/empty/)
  })

  it('reads text that starts with a byte-order mark', () => {
    expect(parseWorkflow(`\uFEFF${JSON.stringify(raw())}`)).toMatchObject({ ok: true })
  })

  it('refuses values that are not a workflow object, and other formats', () => {
    for (const input of [null, 42, [raw()], 'null', '"text"']) {
      expect(issuesOf(input)).toMatchObject([{ code: 'invalid-shape', path: '' }])
    }
    expect(issuesOf({ ...raw(), format: 'comfyui' })).toMatchObject([
      { code: 'invalid-shape', path: 'format' },
    ])
  })

  it('needs a whole positive version and refuses one from a newer Shotchain', () => {
    for (const version of [0, -1, 1.5, '1', null]) {
      expect(issuesOf({ ...raw(), version })).toMatchObject([
        { code: 'invalid-shape', path: 'version' },
      ])
    }
    const [newer] = issuesOf({ ...raw(), version: WORKFLOW_VERSION + 1 })
    expect(newer).toMatchObject({ code: 'unsupported-version', path: 'version' })
    expect(newer?.message).toMatch(/newer Shotchain/)
  })

  it('names the path of structural problems', () => {
    const bad = raw() as { nodes: Record<string, unknown>[]; edges: Record<string, unknown>[] }
    ;(bad.nodes[1] as { position: unknown[] }).position = [1, 'x']
    delete bad.nodes[2]?.type
    ;(bad.edges[0] as { from: Record<string, unknown> }).from.node = 7
    const issues = issuesOf(bad)
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ['invalid-shape', 'nodes[1].position[1]'],
      ['invalid-shape', 'nodes[2].type'],
      ['invalid-shape', 'edges[0].from.node'],
    ])
    expect(issues[0]?.message).toBe('must be a number, not the text "x"')
    expect(issues[0]?.nodeId).toBe('p1')
    expect(issues[1]?.message).toBe('is required')
  })

  it('refuses non-finite positions in already-parsed values', () => {
    const withNaN = doc([{ ...node('a', 'prompt'), position: [Number.NaN, 0] }])
    const withInf = doc([{ ...node('a', 'prompt'), position: [0, Number.POSITIVE_INFINITY] }])
    expect(issuesOf(withNaN)).toMatchObject([
      { path: 'nodes[0].position[0]', message: 'must be a number, not NaN' },
    ])
    expect(issuesOf(withInf)).toMatchObject([{ path: 'nodes[0].position[1]' }])
  })

  it('refuses duplicate ids and edges to missing nodes', () => {
    const dup = doc(
      [node('a', 'prompt'), node('a', 'prompt')],
      [edge('e', 'a', 'text', 'a', 'in'), edge('e', 'a', 'text', 'a', 'in')],
    )
    expect(issuesOf(dup).map((i) => [i.code, i.path])).toEqual([
      ['duplicate-id', 'nodes[1].id'],
      ['duplicate-id', 'edges[1].id'],
    ])
    const dangling = doc([node('a', 'prompt')], [edge('e1', 'a', 'text', 'ghost', 'in')])
    const [issue] = issuesOf(dangling)
    expect(issue).toMatchObject({ code: 'dangling-edge', path: 'edges[0].to.node', nodeId: 'a' })
    expect(issue?.message).toMatch(/"ghost", which is not in the workflow/)
  })

  it('requires params to be an object of plain JSON values', () => {
    const cyclic: Record<string, unknown> = {}
    cyclic.self = cyclic
    const cases: [unknown, string][] = [
      [[1, 2], 'nodes[0].params'],
      [{ a: { b: undefined } }, 'nodes[0].params.a.b'],
      [{ a: [1, () => 1] }, 'nodes[0].params.a[1]'],
      [{ when: new Date(0) }, 'nodes[0].params.when'],
      [{ n: Number.NaN }, 'nodes[0].params.n'],
      [{ big: 1n }, 'nodes[0].params.big'],
      [cyclic, 'nodes[0].params.self'],
    ]
    for (const [params, path] of cases) {
      expect(issuesOf(doc([{ ...node('a', 'prompt'), params } as never]))).toMatchObject([
        { code: 'invalid-shape', path, nodeId: 'a' },
      ])
    }
  })

  it('refuses "__proto__" keys in params and never pollutes prototypes', () => {
    const text = serializeWorkflow(doc([node('a', 'prompt')])).replace(
      '"params": {}',
      '"params": { "__proto__": { "polluted": true } }',
    )
    expect(issuesOf(text)).toMatchObject([
      { code: 'invalid-shape', path: 'nodes[0].params.__proto__' },
    ])
    const top = parseWorkflow(
      `{"__proto__": {"polluted": 1}, ${serializeWorkflow(doc([])).slice(1)}`,
    )
    expect(top).toMatchObject({
      ok: true,
      issues: [{ code: 'unknown-field', path: '__proto__', severity: 'warning' }],
    })
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    if (top.ok) expect(Object.getPrototypeOf(top.doc)).toBe(Object.prototype)
  })

  it('drops unknown fields with a warning', () => {
    const input: Record<string, unknown> = { ...raw(), author: 'me' }
    ;(input.nodes as Record<string, unknown>[])[0] = {
      ...(input.nodes as object[])[0],
      color: 'red',
    }
    const result = parseWorkflow(input)
    expect(result).toMatchObject({
      ok: true,
      issues: [
        { code: 'unknown-field', path: 'author', severity: 'warning' },
        { code: 'unknown-field', path: 'nodes[0].color', severity: 'warning', nodeId: 'img' },
      ],
    })
    if (result.ok) expect(result.doc).toEqual(twoShotChain())
  })

  it('never half-loads: one bad node fails the whole document', () => {
    const input = raw()
    ;(input.nodes as unknown[]).push({ id: 'late', type: 'prompt', position: [0, 0] })
    const result = parseWorkflow(input)
    expect(result).toEqual({
      ok: false,
      issues: [
        {
          code: 'invalid-shape',
          path: 'nodes[6].params',
          message: 'is required',
          severity: 'error',
          nodeId: 'late',
        },
      ],
    })
  })

  it('survives hostile nesting', () => {
    expect(issuesOf('['.repeat(100_000) + ']'.repeat(100_000))).toMatchObject([{ path: '' }])
    const deep = `${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}`
    const text = serializeWorkflow(doc([node('a', 'prompt')])).replace(
      '"params": {}',
      `"params": ${deep}`,
    )
    const [issue] = issuesOf(text)
    expect(issue?.message).toMatch(/nested more than 100 levels/)
    expect(issue?.path.startsWith('nodes[0].params.a.a.a')).toBe(true)
  })
})
