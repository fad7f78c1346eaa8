import {
  createHistory,
  type GraphCommand,
  type WorkflowDocument,
  type WorkflowHistory,
} from '@shotchain/graph'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addNode, connect, registry, threeShotChain } from '../testing/documents.ts'
import { documentsOf, intentsArb } from '../testing/random-edits.ts'
import { EMPTY_PLAN, planSync, type SyncPlan } from './sync-plan.ts'

/** What the canvas shows: each node's type and place, each edge's ends and order. */
interface Canvas {
  readonly nodes: Map<string, { type: string; x: number; y: number }>
  readonly edges: Map<string, { from: string; to: string; order: number | undefined }>
}

function emptyCanvas(): Canvas {
  return { nodes: new Map(), edges: new Map() }
}

function project(doc: WorkflowDocument): Canvas {
  const canvas = emptyCanvas()
  for (const n of doc.nodes)
    canvas.nodes.set(n.id, { type: n.type, x: n.position[0], y: n.position[1] })
  for (const e of doc.edges) {
    canvas.edges.set(e.id, {
      from: `${e.from.node}.${e.from.port}`,
      to: `${e.to.node}.${e.to.port}`,
      order: e.order,
    })
  }
  return canvas
}

/** A comparable form of a canvas: entries sorted by id. */
function shown(canvas: Canvas) {
  const sorted = <T>(map: Map<string, T>) => [...map].sort(([a], [b]) => (a < b ? -1 : 1))
  return { nodes: sorted(canvas.nodes), edges: sorted(canvas.edges) }
}

/**
 * Plays `plan` onto `canvas` field by field, as the Rete adapter does, and throws at the first
 * step the canvas would refuse: removing what is not there, adding what is, or a connection
 * whose node is missing (before it is added or after it is removed).
 */
function play(canvas: Canvas, plan: SyncPlan): void {
  const dangling = () => {
    for (const [id, e] of canvas.edges) {
      for (const end of [e.from, e.to]) {
        const node = end.split('.')[0] as string
        if (!canvas.nodes.has(node)) throw new Error(`edge ${id} dangles: no node ${node}`)
      }
    }
  }
  for (const id of plan.removeEdges) {
    if (!canvas.edges.delete(id)) throw new Error(`removeEdges: no edge ${id}`)
  }
  for (const id of plan.removeNodes) {
    if (!canvas.nodes.delete(id)) throw new Error(`removeNodes: no node ${id}`)
    dangling()
  }
  for (const n of plan.addNodes) {
    if (canvas.nodes.has(n.id)) throw new Error(`addNodes: ${n.id} is already shown`)
    canvas.nodes.set(n.id, { type: n.type, x: n.position[0], y: n.position[1] })
  }
  for (const n of plan.moveNodes) {
    const old = canvas.nodes.get(n.id)
    if (old === undefined) throw new Error(`moveNodes: no node ${n.id}`)
    if (old.type !== n.type) throw new Error(`moveNodes: ${n.id} changed type`)
    canvas.nodes.set(n.id, { type: n.type, x: n.position[0], y: n.position[1] })
  }
  for (const e of plan.addEdges) {
    if (canvas.edges.has(e.id)) throw new Error(`addEdges: ${e.id} is already shown`)
    canvas.edges.set(e.id, {
      from: `${e.from.node}.${e.from.port}`,
      to: `${e.to.node}.${e.to.port}`,
      order: e.order,
    })
    dangling()
  }
}

function applied(history: WorkflowHistory, commands: GraphCommand | GraphCommand[]) {
  const prev = history.doc
  const result = history.apply(commands, { registry })
  if (!result.ok) throw new Error(`refused: ${result.issues[0]?.message}`)
  return { prev, next: history.doc }
}

describe('planSync', () => {
  it('shows everything on load', () => {
    const doc = threeShotChain()
    const plan = planSync(undefined, doc)
    expect(plan.addNodes).toEqual(doc.nodes)
    expect(plan.addEdges).toEqual(doc.edges)
    expect([plan.removeEdges, plan.removeNodes, plan.moveNodes]).toEqual([[], [], []])
  })

  it('plans nothing for the same document, or an equal copy of it', () => {
    const doc = threeShotChain()
    expect(planSync(doc, doc)).toBe(EMPTY_PLAN)
    expect(planSync(doc, structuredClone(doc))).toEqual(EMPTY_PLAN)
  })

  it('removes a removed node and its edges, and nothing else', () => {
    const history = createHistory(threeShotChain())
    const { prev, next } = applied(history, { type: 'removeNode', id: 'shot2' })
    const plan = planSync(prev, next)
    expect(plan.removeNodes).toEqual(['shot2'])
    expect([...plan.removeEdges].sort()).toEqual(['clip2', 'prompt2', 'start2', 'start3'])
    expect([plan.addNodes, plan.moveNodes, plan.addEdges]).toEqual([[], [], []])
    const canvas = project(prev)
    play(canvas, plan)
    expect(shown(canvas)).toEqual(shown(project(next)))
  })

  it('only moves a moved node', () => {
    const history = createHistory(threeShotChain())
    const { prev, next } = applied(history, { type: 'move', node: 'shot2', position: [900, 40] })
    const plan = planSync(prev, next)
    expect(plan.moveNodes).toEqual([expect.objectContaining({ id: 'shot2', position: [900, 40] })])
    expect(plan).toEqual({ ...EMPTY_PLAN, moveNodes: plan.moveNodes })
  })

  it('replaces an edge whose order changed, under its own id', () => {
    const history = createHistory(threeShotChain())
    const { prev, next } = applied(history, [
      { type: 'disconnect', id: 'clip3' },
      connect('clip3', 'shot3.video', 'sequence.clips', -1),
    ])
    const plan = planSync(prev, next)
    expect(plan.removeEdges).toEqual(['clip3'])
    expect(plan.addEdges).toEqual([expect.objectContaining({ id: 'clip3', order: -1 })])
    expect([plan.removeNodes, plan.addNodes, plan.moveNodes]).toEqual([[], [], []])
  })

  it('replaces a node whose type changed, and re-adds the edges into it', () => {
    const history = createHistory(threeShotChain())
    const { prev, next } = applied(history, [
      { type: 'removeNode', id: 'out' },
      addNode('out', 'extract-frame', [2180, 0]),
      connect('final', 'sequence.video', 'out.video'),
    ])
    const plan = planSync(prev, next)
    expect(plan.removeNodes).toEqual(['out'])
    expect(plan.addNodes).toEqual([expect.objectContaining({ id: 'out', type: 'extract-frame' })])
    expect(plan.removeEdges).toEqual(['final'])
    expect(plan.addEdges).toEqual([expect.objectContaining({ id: 'final' })])
    expect(plan.moveNodes).toEqual([])
    const canvas = project(prev)
    play(canvas, plan)
    expect(shown(canvas)).toEqual(shown(project(next)))
  })

  it('undoes to a plan that shows the document before', () => {
    const history = createHistory(threeShotChain())
    const { prev, next } = applied(history, { type: 'removeNode', id: 'sequence' })
    history.undo()
    const canvas = project(next)
    play(canvas, planSync(next, history.doc))
    expect(shown(canvas)).toEqual(shown(project(prev)))
  })
})

describe('planSync, played onto a canvas', () => {
  it('takes the canvas of any document to the canvas of the next, edges never dangling', () => {
    fc.assert(
      fc.property(intentsArb, (intents) => {
        const docs = documentsOf(intents)
        const canvas = emptyCanvas()
        let prev: WorkflowDocument | undefined
        for (const doc of docs) {
          play(canvas, planSync(prev, doc))
          expect(shown(canvas)).toEqual(shown(project(doc)))
          prev = doc
        }
      }),
      { numRuns: 300 },
    )
    // 300 generated edit histories, each played through: a few seconds, more on a busy machine.
  }, 30_000)

  it('takes the canvas of any document straight to that of any later or earlier one', () => {
    fc.assert(
      fc.property(intentsArb, fc.nat(), fc.nat(), (intents, i, j) => {
        const docs = documentsOf(intents)
        const from = docs[i % docs.length] as WorkflowDocument
        const to = docs[j % docs.length] as WorkflowDocument
        const canvas = project(from)
        play(canvas, planSync(from, to))
        expect(shown(canvas)).toEqual(shown(project(to)))
      }),
      { numRuns: 300 },
    )
  }, 30_000)

  it('has edits that reach every kind of change', () => {
    // Guards the generator: a property over edits that never replace anything proves little.
    const seen = new Set<string>()
    fc.assert(
      fc.property(intentsArb, (intents) => {
        const docs = documentsOf(intents)
        for (let k = 1; k < docs.length; k++) {
          const prev = docs[k - 1] as WorkflowDocument
          const plan = planSync(prev, docs[k] as WorkflowDocument)
          for (const [field, list] of Object.entries(plan)) if (list.length > 0) seen.add(field)
          const before = (id: string) => prev.edges.find((e) => e.id === id)
          const replaced = plan.addNodes.filter((n) => prev.nodes.some((p) => p.id === n.id))
          if (replaced.length > 0) seen.add('a node of another type')
          for (const e of plan.addEdges) {
            const old = before(e.id)
            if (old === undefined) continue
            if (old.order !== e.order) seen.add('an edge in another order')
            const touches = (id: string) => e.from.node === id || e.to.node === id
            const sameEnds = JSON.stringify([old.from, old.to]) === JSON.stringify([e.from, e.to])
            if (sameEnds && replaced.some((n) => touches(n.id)))
              seen.add('an edge of a replaced node')
          }
        }
      }),
      { numRuns: 100, seed: 1 },
    )
    expect([...seen].sort()).toEqual([
      'a node of another type',
      'addEdges',
      'addNodes',
      'an edge in another order',
      'an edge of a replaced node',
      'moveNodes',
      'removeEdges',
      'removeNodes',
    ])
  })
})
