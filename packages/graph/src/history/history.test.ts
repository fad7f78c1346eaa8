import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { GraphCommand } from '../commands/graph-command.ts'
import { parseWorkflow } from '../document/parse-workflow.ts'
import { serializeWorkflow } from '../document/serialize-workflow.ts'
import type { WorkflowDocument } from '../document/types.ts'
import { documentArb } from '../testing/arbitraries.ts'
import { intentsArb, toCommand } from '../testing/command-arbitrary.ts'
import { expectSameDocument } from '../testing/same-document.ts'
import { edge, node, testRegistry, twoShotChain } from '../testing/test-specs.ts'
import { createHistory, type HistoryChange } from './history.ts'

function loaded(doc: WorkflowDocument): WorkflowDocument {
  const result = parseWorkflow(doc)
  if (!result.ok) throw new Error(JSON.stringify(result.issues))
  return result.doc
}

const start = loaded(twoShotChain())
const move = (x: number): GraphCommand => ({ type: 'move', node: 'shot1', position: [x, 0] })
const typeText = (text: string): GraphCommand => ({
  type: 'setParam',
  node: 'p1',
  key: 'text',
  value: text,
})

/** A history on the two-shot chain with a hand-driven clock. */
function setup(options: { mergeWindowMs?: number; limit?: number } = {}) {
  let time = 0
  const history = createHistory(start, { now: () => time, ...options })
  const at = (ms: number) => {
    time = ms
  }
  return { history, at }
}

describe('history', () => {
  it('undoes and redoes one apply at a time, and a new apply clears redo', () => {
    const { history } = setup()
    expect(history.canUndo).toBe(false)
    history.apply(move(10))
    history.apply(move(20))
    expect(history.undo()).toBe(true)
    expect(history.doc.nodes[3]?.position).toEqual([10, 0])
    expect(history.canRedo).toBe(true)
    expect(history.redo()).toBe(true)
    expect(history.doc.nodes[3]?.position).toEqual([20, 0])
    history.undo()
    history.apply(move(30))
    expect(history.canRedo).toBe(false)
    expect(history.redo()).toBe(false)
    history.undo()
    history.undo()
    expect(history.doc).toEqual(start)
    expect(history.undo()).toBe(false)
  })

  it('merges a burst with one merge key into one entry that undoes to before the burst', () => {
    const { history, at } = setup()
    for (const [ms, x] of [
      [0, 1],
      [300, 2],
      [900, 3],
      [1800, 4],
    ] as const) {
      at(ms)
      history.apply(move(x), { mergeKey: 'drag:shot1' })
    }
    // Each step was within 1000 ms of the one before, though the whole drag took longer.
    history.undo()
    expect(history.doc).toEqual(start)
    expect(history.canUndo).toBe(false)
    history.redo()
    expect(history.doc.nodes[3]?.position).toEqual([4, 0])
  })

  it('starts a new entry after the merge window, after seal, or with another key', () => {
    const { history, at } = setup()
    history.apply(typeText('a'), { mergeKey: 'text' })
    at(500)
    history.apply(typeText('ab'), { mergeKey: 'text' })
    at(1600)
    history.apply(typeText('abc'), { mergeKey: 'text' }) // 1100 ms later: a new entry
    at(1700)
    history.seal()
    history.apply(typeText('abcd'), { mergeKey: 'text' }) // sealed: a new entry
    history.apply(move(5), { mergeKey: 'drag' }) // another key: a new entry
    history.apply(move(6)) // no key: never merged
    const texts: unknown[] = []
    while (history.undo()) texts.push(history.doc.nodes[1]?.params.text)
    expect(texts).toEqual(['abcd', 'abcd', 'abc', 'ab', 'a cat'])
  })

  it('does not merge into an entry that was undone and redone', () => {
    const { history } = setup()
    history.apply(move(1), { mergeKey: 'drag' })
    history.undo()
    history.redo()
    history.apply(move(2), { mergeKey: 'drag' })
    history.undo()
    expect(history.doc.nodes[3]?.position).toEqual([1, 0])
  })

  it('keeps at most `limit` entries, dropping the oldest', () => {
    const { history } = setup({ limit: 3 })
    for (let x = 1; x <= 5; x++) history.apply(move(x))
    let undone = 0
    while (history.undo()) undone++
    expect(undone).toBe(3)
    expect(history.doc.nodes[3]?.position).toEqual([2, 0])
  })

  it('records neither refused nor empty applies', () => {
    const { history } = setup()
    history.apply(move(1))
    history.undo()
    const refused = history.apply({ type: 'removeNode', id: 'ghost' })
    expect(refused.ok).toBe(false)
    expect(history.apply(move(0)).ok).toBe(true) // where shot1 already is
    expect(history.canUndo).toBe(false)
    expect(history.canRedo).toBe(true)
  })

  it('checks connections against the registry passed to apply', () => {
    const { history } = setup()
    const loop = edge('x', 'shot2', 'lastFrame', 'shot1', 'end')
    expect(history.apply({ type: 'connect', edge: loop }, { registry: testRegistry() }).ok).toBe(
      false,
    )
    expect(history.canUndo).toBe(false)
  })

  it('tells subscribers what changed and why, until they unsubscribe', () => {
    const { history } = setup()
    const seen: [WorkflowDocument, HistoryChange][] = []
    const stop = history.subscribe((doc, change) => seen.push([doc, change]))
    history.apply({ type: 'addNode', node: node('p3', 'prompt') })
    history.undo()
    history.redo()
    history.reset(start)
    stop()
    history.apply(move(9))
    expect(seen.map(([, c]) => c.source)).toEqual(['apply', 'undo', 'redo', 'reset'])
    expect(seen[0]?.[1].patches).toEqual([
      { op: 'add', path: ['nodes', 6], value: node('p3', 'prompt') },
    ])
    expect(seen[1]?.[0]).toEqual(start)
    expect(seen[3]?.[0]).toBe(start)
  })

  it('reset replaces the document and forgets history', () => {
    const { history } = setup()
    history.apply(move(1))
    history.undo()
    const other = loaded({ ...start, name: 'Other' })
    history.reset(other)
    expect(history.doc).toBe(other)
    expect(history.canUndo || history.canRedo).toBe(false)
  })

  it('undo all gives back the start, redo all the end, for random edits', () => {
    fc.assert(
      fc.property(documentArb, intentsArb(30), fc.array(fc.boolean()), (initial, intents, keys) => {
        const first = loaded(initial)
        const history = createHistory(first, { now: () => 0 })
        const states: WorkflowDocument[] = [first]
        intents.forEach((intent, i) => {
          const command = toCommand(history.doc, intent)
          if (command === undefined) return
          // Some applies share a key, so merged entries are covered too.
          const result = history.apply(command, keys[i] === true ? { mergeKey: 'k' } : {})
          expect(result.ok).toBe(true)
          const before = history.doc
          if (history.undo()) {
            history.redo()
            expectSameDocument(history.doc, before)
          }
          history.seal()
          states.push(history.doc)
        })
        const end = history.doc
        while (history.undo()) {
          // Each undo lands on a state the edits passed through.
          const text = serializeWorkflow(history.doc)
          expect(states.some((s) => serializeWorkflow(s) === text)).toBe(true)
        }
        expectSameDocument(history.doc, first)
        while (history.redo());
        expectSameDocument(history.doc, end)
      }),
      { numRuns: 100 },
    )
  }, 30_000)
})
