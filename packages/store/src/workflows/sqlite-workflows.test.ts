import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runScript } from '../testing/run-script.ts'
import { sampleWorkflow } from '../testing/sample-workflow.ts'
import { makeTempHome, openTestStore } from '../testing/temp-home.ts'

describe('sqlite workflows', () => {
  it('creates, gets, lists newest update first, and deletes', () => {
    const store = openTestStore()
    const created = store.workflows.create('w1', sampleWorkflow('First'), 10)
    expect(created).toEqual({
      id: 'w1',
      name: 'First',
      doc: sampleWorkflow('First'),
      revision: 1,
      createdAt: 10,
      updatedAt: 10,
    })
    store.workflows.create('w2', sampleWorkflow('Second'), 20)
    store.workflows.update('w1', sampleWorkflow('First, renamed'), 1, 30)

    const got = store.workflows.get('w1')
    expect(got?.doc).toEqual(sampleWorkflow('First, renamed'))
    expect(Object.isFrozen(got?.doc.nodes[0]?.params)).toBe(true)
    expect(store.workflows.list()).toEqual([
      { id: 'w1', name: 'First, renamed', revision: 2, createdAt: 10, updatedAt: 30 },
      { id: 'w2', name: 'Second', revision: 1, createdAt: 20, updatedAt: 20 },
    ])

    expect(store.workflows.delete('w1')).toBe(true)
    expect(store.workflows.delete('w1')).toBe(false)
    expect(store.workflows.get('w1')).toBeUndefined()
    expect(store.workflows.list().map((w) => w.id)).toEqual(['w2'])
  })

  it('refuses a duplicate id with a validation error and keeps the first', () => {
    const store = openTestStore()
    store.workflows.create('w1', sampleWorkflow('First'), 1)
    expect(() => store.workflows.create('w1', sampleWorkflow('Other'), 2)).toThrow(
      expect.objectContaining({ code: 'validation', field: 'id' }),
    )
    expect(store.workflows.get('w1')?.name).toBe('First')
  })

  it('refuses a stale save and leaves the row unchanged', () => {
    const store = openTestStore()
    store.workflows.create('w1', sampleWorkflow('v1'), 1)
    expect(store.workflows.update('w1', sampleWorkflow('v2'), 1, 2)).toMatchObject({
      ok: true,
      workflow: { revision: 2, name: 'v2', updatedAt: 2 },
    })
    const before = store.workflows.get('w1')
    expect(store.workflows.update('w1', sampleWorkflow('stale'), 1, 3)).toEqual({
      ok: false,
      reason: 'stale',
      revision: 2,
    })
    expect(store.workflows.get('w1')).toEqual(before)
    expect(store.workflows.update('nope', sampleWorkflow(), 1, 4)).toEqual({
      ok: false,
      reason: 'not-found',
    })
  })

  it('lets exactly one of two saves based on the same revision win, across two stores', () => {
    const home = makeTempHome()
    const a = openTestStore(home)
    const b = openTestStore(home)
    a.workflows.create('w1', sampleWorkflow('v1'), 1)
    const fromA = a.workflows.update('w1', sampleWorkflow('from a'), 1, 2)
    const fromB = b.workflows.update('w1', sampleWorkflow('from b'), 1, 3)
    expect(fromA.ok).toBe(true)
    expect(fromB).toEqual({ ok: false, reason: 'stale', revision: 2 })
    expect(b.workflows.get('w1')?.doc.name).toBe('from a')
  })

  it('never lets two processes both win a save based on the same revision', async () => {
    const home = makeTempHome()
    openTestStore(home).workflows.create('w1', sampleWorkflow(), 0)
    const startAt = String(Date.now() + 2_000)
    const [a, b] = await Promise.all([
      runScript('race-workflow-updates.ts', [home, 'w1', '150', 'a', startAt]),
      runScript('race-workflow-updates.ts', [home, 'w1', '150', 'b', startAt]),
    ])
    expect([a.code, b.code, a.stderr, b.stderr]).toEqual([0, 0, '', ''])
    const read = (name: string) => JSON.parse(readFileSync(join(home, `${name}.wins`), 'utf8'))
    const bases: number[] = [...read('a'), ...read('b')]
    // Each base revision was won once, and each win moved the revision on by exactly one.
    expect(new Set(bases).size).toBe(bases.length)
    expect(bases.length).toBeGreaterThanOrEqual(150)
    expect(openTestStore(home).workflows.get('w1')?.revision).toBe(bases.length + 1)
  }, 30_000)

  it('refuses a document that would not load back, storing nothing', () => {
    const store = openTestStore()
    const bad = { ...sampleWorkflow(), edges: [{ id: 'e', from: { node: 'x', port: 'p' } }] }
    // @ts-expect-error — a caller bypassing the types
    expect(() => store.workflows.create('w1', bad, 1)).toThrow(
      expect.objectContaining({ code: 'validation', field: 'doc' }),
    )
    expect(store.workflows.list()).toEqual([])
  })
})
