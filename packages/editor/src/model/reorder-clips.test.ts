import { applyCommands, createHistory, type WorkflowDocument } from '@shotchain/graph'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  addNode,
  build,
  connect,
  listOrder,
  registry,
  threeShotChain,
} from '../testing/documents.ts'
import { orderedListEdges } from './geometry.ts'
import { moveClipCommands } from './reorder-clips.ts'

function moved(doc: WorkflowDocument, edgeId: string, delta: -1 | 1): WorkflowDocument {
  const commands = moveClipCommands(doc, edgeId, delta)
  if (commands === undefined) throw new Error(`${edgeId} cannot move ${delta}`)
  const result = applyCommands(doc, commands, { registry })
  if (!result.ok) throw new Error(`refused: ${result.issues[0]?.message}`)
  return result.doc
}

/** The edges as a set of (id, from, to), order left out. */
function wiring(doc: WorkflowDocument) {
  return doc.edges
    .map((e) => `${e.id}: ${e.from.node}.${e.from.port} → ${e.to.node}.${e.to.port}`)
    .sort()
}

describe('moveClipCommands', () => {
  it('moves the middle clip up, swapping it with the one before', () => {
    const doc = moved(threeShotChain(), 'clip2', -1)
    expect(listOrder(doc, 'sequence', 'clips')).toEqual(['clip2', 'clip1', 'clip3'])
    expect(wiring(doc)).toEqual(wiring(threeShotChain()))
  })

  it('moves the middle clip down, swapping it with the one after', () => {
    const doc = moved(threeShotChain(), 'clip2', 1)
    expect(listOrder(doc, 'sequence', 'clips')).toEqual(['clip1', 'clip3', 'clip2'])
    expect(wiring(doc)).toEqual(wiring(threeShotChain()))
  })

  it('is undefined at either end of the list, and for an unknown edge', () => {
    const doc = threeShotChain()
    expect(moveClipCommands(doc, 'clip1', -1)).toBeUndefined()
    expect(moveClipCommands(doc, 'clip3', 1)).toBeUndefined()
    expect(moveClipCommands(doc, 'nowhere', 1)).toBeUndefined()
  })

  it('is one undo entry', () => {
    const history = createHistory(threeShotChain())
    const before = history.doc
    const commands = moveClipCommands(before, 'clip3', -1)
    expect(commands && history.apply(commands, { registry }).ok).toBe(true)
    history.undo()
    expect(history.doc).toEqual(before)
    expect(history.canUndo).toBe(false)
  })

  it('moves clips as a list would, keeping the edges and renumbering them 0…n-1', () => {
    const setup = fc.integer({ min: 2, max: 6 }).chain((n) =>
      fc.record({
        orders: fc.array(fc.integer({ min: -2, max: 2 }), { minLength: n, maxLength: n }),
        moves: fc.array(
          fc.record({ pick: fc.nat(), delta: fc.constantFrom(-1 as const, 1 as const) }),
          { maxLength: 12 },
        ),
      }),
    )
    fc.assert(
      fc.property(setup, ({ orders, moves }) => {
        // Shots into one sequence, with orders that may tie or skip, plus a clip elsewhere.
        let doc = build([
          addNode('seq', 'sequence'),
          addNode('other', 'sequence'),
          ...orders.map((_, k) => addNode(`s${k}`, 'kling-o1-i2v')),
          ...orders.map((order, k) => connect(`c${k}`, `s${k}.video`, 'seq.clips', order)),
          connect('x', 's0.video', 'other.clips', 0),
        ])
        const edges = wiring(doc)
        // The list as the canvas shows it, moved the plain way.
        const shown = (d: WorkflowDocument) =>
          orderedListEdges(
            d.edges.filter((e) => e.to.node === 'seq'),
            'clips',
          ).map((e) => e.id)
        const list = shown(doc)
        for (const { pick, delta } of moves) {
          const at = pick % list.length
          const id = list[at] as string
          const commands = moveClipCommands(doc, id, delta)
          const other = list[at + delta]
          if (other === undefined) {
            expect(commands).toBeUndefined()
            continue
          }
          list[at] = other
          list[at + delta] = id
          doc = moved(doc, id, delta)
          expect(shown(doc)).toEqual(list)
          expect(wiring(doc)).toEqual(edges)
          const ranks = doc.edges.filter((e) => e.to.node === 'seq').map((e) => e.order ?? NaN)
          expect(ranks.sort((a, b) => a - b)).toEqual(list.map((_, k) => k))
        }
        expect(doc.edges.find((e) => e.id === 'x')?.order).toBe(0)
      }),
      { numRuns: 300 },
    )
  })
})
