import fc from 'fast-check'
import { duplicateCommand } from '../commands/duplicate.ts'
import type { GraphCommand } from '../commands/graph-command.ts'
import type { WorkflowDocument } from '../document/types.ts'
import type { NodeRegistry } from '../spec/registry.ts'
import { normalizeJson, PORTS, positionArb, TYPES } from './arbitraries.ts'

// Random edits that are valid for whatever document they meet: an intent is drawn up front,
// then turned into a command against the current document (picking existing ids by index and
// making new ids unique), so long sequences stay meaningful.

export type Intent =
  | { kind: 'add'; id: string; type: string; position: [number, number]; text: string }
  | { kind: 'remove'; pick: number }
  | {
      kind: 'connect'
      id: string
      from: number
      to: number
      fromPort: number
      toPort: number
      order: number | undefined
    }
  | { kind: 'disconnect'; pick: number }
  | { kind: 'setParam'; pick: number; key: string; value: unknown }
  | { kind: 'move'; pick: number; position: [number, number] }
  | { kind: 'duplicate'; mask: number; offset: [number, number] }
  | { kind: 'rename'; name: string }
  | { kind: 'setLabel'; pick: number; label: string | undefined }

const shortId = fc.string({ minLength: 1, maxLength: 4 })

/** Sequences long enough to build, wire and unwire a small graph. */
export const intentsArb = (maxLength: number) =>
  fc.array(intentArb, { minLength: Math.min(10, maxLength), maxLength })

export const intentArb: fc.Arbitrary<Intent> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('add' as const),
      id: shortId,
      type: fc.constantFrom(...TYPES),
      position: positionArb,
      text: fc.string(),
    }),
  },
  fc.record({ kind: fc.constant('remove' as const), pick: fc.nat() }),
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('connect' as const),
      id: shortId,
      from: fc.nat(),
      to: fc.nat(),
      fromPort: fc.nat(),
      toPort: fc.nat(),
      order: fc.option(fc.integer({ min: -5, max: 5 }), { nil: undefined, freq: 4 }),
    }),
  },
  fc.record({ kind: fc.constant('disconnect' as const), pick: fc.nat() }),
  fc.record({
    kind: fc.constant('setParam' as const),
    pick: fc.nat(),
    key: fc.oneof(fc.constantFrom('duration', 'text', 'constructor', 'toString'), fc.string()),
    value: fc.option(fc.jsonValue({ maxDepth: 2 }).map(normalizeJson), { nil: undefined }),
  }),
  fc.record({ kind: fc.constant('move' as const), pick: fc.nat(), position: positionArb }),
  fc.record({
    kind: fc.constant('duplicate' as const),
    mask: fc.nat(),
    offset: fc.tuple(fc.integer({ min: -100, max: 100 }), fc.integer({ min: -100, max: 100 })),
  }),
  fc.record({ kind: fc.constant('rename' as const), name: fc.string() }),
  fc.record({
    kind: fc.constant('setLabel' as const),
    pick: fc.nat(),
    label: fc.option(fc.string(), { nil: undefined }),
  }),
)

/** A fresh id: `base`, or `base` with a suffix when that is taken. */
function unique(base: string, taken: ReadonlySet<string>): string {
  let id = base
  for (let n = 2; taken.has(id); n++) id = `${base}~${n}`
  return id
}

/** The `pick`th of a spec's ports, or of every port name when the type is unknown. */
function portOf(ports: Readonly<Record<string, unknown>> | undefined, pick: number): string {
  const names = ports === undefined ? [] : Object.keys(ports)
  const from = names.length > 0 ? names : PORTS
  return from[pick % from.length] as string
}

/**
 * The command an intent stands for in `doc`; undefined when it needs a node or edge the doc
 * lacks. With a registry, edges join ports the end nodes' specs have.
 */
export function toCommand(
  doc: WorkflowDocument,
  intent: Intent,
  registry?: NodeRegistry,
): GraphCommand | undefined {
  const nodeIds = new Set(doc.nodes.map((n) => n.id))
  const edgeIds = new Set(doc.edges.map((e) => e.id))
  const nodeAt = (pick: number) => doc.nodes[pick % Math.max(doc.nodes.length, 1)]
  switch (intent.kind) {
    case 'add': {
      const params = intent.type === 'prompt' ? { text: intent.text } : {}
      const node = {
        id: unique(intent.id, nodeIds),
        type: intent.type,
        position: intent.position,
        params,
      }
      return { type: 'addNode', node }
    }
    case 'remove': {
      const node = nodeAt(intent.pick)
      return node && { type: 'removeNode', id: node.id }
    }
    case 'connect': {
      const count = doc.nodes.length
      const fi = intent.from % Math.max(count, 1)
      let ti = intent.to % Math.max(count, 1)
      // Mostly a different node: a self-loop is one kind of refusal, not worth most edges.
      if (ti === fi && intent.to % 8 !== 0) ti = (ti + 1) % Math.max(count, 1)
      const from = doc.nodes[fi]
      const to = doc.nodes[ti]
      if (from === undefined || to === undefined) return undefined
      const edge = {
        id: unique(intent.id, edgeIds),
        from: { node: from.id, port: portOf(registry?.get(from.type)?.outputs, intent.fromPort) },
        to: { node: to.id, port: portOf(registry?.get(to.type)?.inputs, intent.toPort) },
        ...(intent.order === undefined ? {} : { order: intent.order }),
      }
      return { type: 'connect', edge }
    }
    case 'disconnect': {
      const edge = doc.edges[intent.pick % Math.max(doc.edges.length, 1)]
      return edge && { type: 'disconnect', id: edge.id }
    }
    case 'setParam': {
      const node = nodeAt(intent.pick)
      const key = intent.key === '__proto__' ? 'proto' : intent.key
      return node && { type: 'setParam', node: node.id, key, value: intent.value }
    }
    case 'move': {
      const node = nodeAt(intent.pick)
      return node && { type: 'move', node: node.id, position: intent.position }
    }
    case 'duplicate': {
      const ids = doc.nodes.filter((_, i) => (intent.mask >> (i % 30)) & 1).map((n) => n.id)
      const taken = new Set([...nodeIds, ...edgeIds])
      const makeId = () => {
        const id = unique('copy', taken)
        taken.add(id)
        return id
      }
      return duplicateCommand(doc, ids, makeId, intent.offset)
    }
    case 'rename':
      return { type: 'rename', name: intent.name }
    case 'setLabel': {
      const node = nodeAt(intent.pick)
      return node && { type: 'setLabel', node: node.id, label: intent.label }
    }
  }
}
