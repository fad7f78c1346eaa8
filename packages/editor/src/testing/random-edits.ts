import { createHistory, type GraphCommand, type WorkflowDocument } from '@shotchain/graph'
import fc from 'fast-check'
import { addNode, build, connect, registry } from './documents.ts'

// Random edits on a small document: a few node ids and edge ids, reused so that a node can be
// removed and come back (with another type) and an edge id can come back with other ends.

const NODE_IDS = ['a', 'b', 'c', 'd', 'e', 'f', 'g']
/** One node of most types, so that random edges find ports that fit from the first edit. */
const SEED = build([
  addNode('a', 'image-source'),
  addNode('b', 'prompt'),
  addNode('c', 'kling-o1-i2v'),
  addNode('d', 'sequence'),
  addNode('e', 'output'),
])
const EDGE_IDS = ['e0', 'e1', 'e2', 'e3', 'e4', 'e5', 'e6', 'e7']
const TYPES = registry.list().map((spec) => spec.type)

/** One random edit, drawn before the document it meets; see {@link commandsFor}. */
export type Intent =
  | { kind: 'add'; id: number; type: number; x: number; y: number }
  | { kind: 'remove'; pick: number }
  | { kind: 'move'; pick: number; x: number; y: number }
  | { kind: 'connect'; id: number; from: number; to: number; order: number }
  | { kind: 'disconnect'; pick: number }
  | { kind: 'reorder'; pick: number; order: number }
  | { kind: 'retype'; pick: number; type: number }
  | { kind: 'undo' }
  | { kind: 'redo' }

const coord = fc.integer({ min: -2, max: 2 }).map((k) => k * 100)
const intentArb: fc.Arbitrary<Intent> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('add'),
      id: fc.nat(),
      type: fc.nat(),
      x: coord,
      y: coord,
    }),
  },
  fc.record({ kind: fc.constant('remove'), pick: fc.nat() }),
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('move'), pick: fc.nat(), x: coord, y: coord }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('connect'),
      id: fc.nat(),
      from: fc.nat(),
      to: fc.nat(),
      order: fc.integer({ min: 0, max: 3 }),
    }),
  },
  fc.record({ kind: fc.constant('disconnect'), pick: fc.nat() }),
  fc.record({
    kind: fc.constant('reorder'),
    pick: fc.nat(),
    order: fc.integer({ min: 0, max: 3 }),
  }),
  fc.record({ kind: fc.constant('retype'), pick: fc.nat(), type: fc.nat() }),
  fc.record({ kind: fc.constant('undo') }),
  fc.record({ kind: fc.constant('redo') }),
) as fc.Arbitrary<Intent>

/** Up to 40 random edits, including undo and redo. */
export const intentsArb = fc.array(intentArb, { minLength: 1, maxLength: 40, size: 'max' })

function pick<T>(list: readonly T[], k: number): T | undefined {
  return list.length === 0 ? undefined : list[k % list.length]
}

/** The command lists to try for `intent`, first choice first; empty when it does not apply. */
function commandsFor(doc: WorkflowDocument, intent: Intent): GraphCommand[][] {
  switch (intent.kind) {
    case 'add': {
      const type = pick(TYPES, intent.type) as string
      return [[addNode(pick(NODE_IDS, intent.id) as string, type, [intent.x, intent.y])]]
    }
    case 'remove': {
      const node = pick(doc.nodes, intent.pick)
      return node ? [[{ type: 'removeNode', id: node.id }]] : []
    }
    case 'move': {
      const node = pick(doc.nodes, intent.pick)
      return node ? [[{ type: 'move', node: node.id, position: [intent.x, intent.y] }]] : []
    }
    case 'connect': {
      // An output, then an input of the same type on another node: most such edges are valid.
      const outs = doc.nodes.flatMap((n) =>
        Object.entries(registry.get(n.type)?.outputs ?? {}).map(([port, spec]) => ({
          node: n.id,
          port,
          type: spec.type,
        })),
      )
      const out = pick(outs, intent.from)
      if (out === undefined) return []
      const ins = doc.nodes.flatMap((n) =>
        Object.entries(registry.get(n.type)?.inputs ?? {})
          .filter(([, spec]) => spec.type === out.type && n.id !== out.node)
          .map(([port, spec]) => ({ node: n.id, port, list: spec.list === true })),
      )
      const input = pick(ins, intent.to)
      if (input === undefined) return []
      // A free id: ids still come back, with other ends, once their edge is gone.
      const id = pick(
        EDGE_IDS.filter((e) => !doc.edges.some((d) => d.id === e)),
        intent.id,
      )
      if (id === undefined) return []
      const order = input.list ? intent.order : undefined
      return [[connect(id, `${out.node}.${out.port}`, `${input.node}.${input.port}`, order)]]
    }
    case 'disconnect': {
      const edge = pick(doc.edges, intent.pick)
      return edge ? [[{ type: 'disconnect', id: edge.id }]] : []
    }
    case 'reorder': {
      const edge = pick(
        doc.edges.filter((e) => e.order !== undefined),
        intent.pick,
      )
      if (edge === undefined) return []
      const moved = { ...edge, order: intent.order }
      return [
        [
          { type: 'disconnect', id: edge.id },
          { type: 'connect', edge: moved },
        ],
      ]
    }
    case 'retype': {
      // Remove a node and add another type under its id, its edges re-made when the new type
      // has their ports (an output becoming an extract-frame, a shot a sequence).
      const node = pick(doc.nodes, intent.pick)
      if (node === undefined) return []
      const touching = doc.edges.filter((e) => e.from.node === node.id || e.to.node === node.id)
      const fits = (type: string) => {
        const spec = registry.get(type)
        return touching.every((e) =>
          e.to.node === node.id
            ? Object.hasOwn(spec?.inputs ?? {}, e.to.port)
            : Object.hasOwn(spec?.outputs ?? {}, e.from.port),
        )
      }
      const others = TYPES.filter((t) => t !== node.type)
      const type = pick(others.filter(fits), intent.type) ?? (pick(others, intent.type) as string)
      const swap: GraphCommand[] = [
        { type: 'removeNode', id: node.id },
        addNode(node.id, type, node.position),
      ]
      const rewired = touching.map((edge): GraphCommand => ({ type: 'connect', edge }))
      return [[...swap, ...rewired], swap]
    }
    case 'undo':
    case 'redo':
      return []
  }
}

/** The documents a history goes through under `intents`, starting from {@link SEED}. */
export function documentsOf(intents: readonly Intent[]): WorkflowDocument[] {
  const history = createHistory(SEED)
  const docs = [history.doc]
  for (const intent of intents) {
    if (intent.kind === 'undo') history.undo()
    else if (intent.kind === 'redo') history.redo()
    else {
      for (const commands of commandsFor(history.doc, intent)) {
        if (history.apply(commands, { registry }).ok) break
      }
    }
    docs.push(history.doc)
  }
  return docs
}
