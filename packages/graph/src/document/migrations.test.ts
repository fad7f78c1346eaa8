import { describe, expect, it } from 'vitest'
import { MIGRATIONS, migrateWorkflow } from './migrations.ts'
import { parseWorkflow } from './parse-workflow.ts'
import { serializeWorkflow } from './serialize-workflow.ts'
import { createDocument } from './types.ts'

// Only version 1 exists, so the mechanism is tested with an invented target version.
const table = {
  1: (doc: Readonly<Record<string, unknown>>) => ({ ...doc, title: doc.name }),
  2: (doc: Readonly<Record<string, unknown>>) => ({ ...doc, steps: ['1→2', '2→3'] }),
}

describe('migrateWorkflow', () => {
  it('runs each step in order and stamps the version it reached', () => {
    const result = migrateWorkflow({ version: 1, name: 'old' }, 1, 3, table)
    expect(result).toEqual({
      ok: true,
      doc: { version: 3, name: 'old', title: 'old', steps: ['1→2', '2→3'] },
    })
  })

  it('is the identity when the document is current', () => {
    const doc = { version: 3, name: 'x' }
    expect(migrateWorkflow(doc, 3, 3, table)).toEqual({ ok: true, doc })
  })

  it('reports a missing step as unsupported', () => {
    const result = migrateWorkflow({ version: 1 }, 1, 4, table)
    expect(result).toMatchObject({
      ok: false,
      issues: [{ code: 'unsupported-version', path: 'version' }],
    })
    if (!result.ok) expect(result.issues[0]?.message).toMatch(/cannot upgrade version 3 to 4/)
  })

  it('turns a failing or empty step into an issue instead of throwing', () => {
    const throwing = {
      1: () => {
        throw new Error('nodes is not a list')
      },
    }
    expect(migrateWorkflow({}, 1, 2, throwing)).toMatchObject({
      ok: false,
      issues: [
        {
          code: 'invalid-shape',
          message: expect.stringMatching(/version 1 to 2: nodes is not a list/),
        },
      ],
    })
    expect(migrateWorkflow({}, 1, 2, { 1: () => null })).toMatchObject({ ok: false })
  })

  it('knows no migrations yet: version 1 is the only version', () => {
    expect(Object.keys(MIGRATIONS)).toEqual([])
  })

  it('leaves a current document alone when a table is injected into parseWorkflow', () => {
    const text = serializeWorkflow(createDocument('Now'))
    const spy = { 1: () => ({ broken: true }) }
    expect(parseWorkflow(text, { migrations: spy })).toEqual({
      ok: true,
      doc: createDocument('Now'),
      issues: [],
    })
  })
})
