import fc from 'fast-check'
import {
  WORKFLOW_FORMAT,
  WORKFLOW_VERSION,
  type WorkflowDocument,
  type WorkflowEdge,
  type WorkflowNode,
} from '../document/types.ts'

// Generators of valid documents for property tests of this package.

/** Node types and port names the generated documents use (real and made-up). */
export const TYPES = ['image-source', 'prompt', 'kling-o1-i2v', 'sequence', 'relay'] as const
export const PORTS = [
  'image',
  'text',
  'video',
  'lastFrame',
  'start',
  'end',
  'prompt',
  'clips',
  'in',
  'out',
]

/** JSON as the loader stores it: `-0` read as `0`, and no `__proto__` keys (the loader refuses them). */
export function normalizeJson(value: unknown): unknown {
  if (typeof value === 'number') return value + 0
  if (Array.isArray(value)) return value.map(normalizeJson)
  if (typeof value !== 'object' || value === null) return value
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k === '__proto__' ? 'proto' : k, normalizeJson(v)]),
  )
}

const finite = fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => x + 0)
export const positionArb = fc.tuple(finite, finite)
export const paramsArb = fc
  .dictionary(fc.string(), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 4 })
  .map((p) => normalizeJson(p) as Record<string, unknown>)
const idArb = fc.oneof(
  fc.constantFrom('a', 'b', 'c', 'shot1', 'img'),
  fc.string({ minLength: 1, maxLength: 8 }),
)

export function nodeArb(id: string): fc.Arbitrary<WorkflowNode> {
  return fc
    .record(
      {
        type: fc.oneof(fc.constantFrom(...TYPES), fc.string({ minLength: 1, maxLength: 6 })),
        position: positionArb,
        params: paramsArb,
        label: fc.string(),
      },
      { requiredKeys: ['type', 'position', 'params'] },
    )
    .map((n) => ({ id, ...n }))
}

function edgesArb(nodeIds: readonly string[]): fc.Arbitrary<WorkflowEdge[]> {
  if (nodeIds.length === 0) return fc.constant([])
  const end = fc.record({ node: fc.constantFrom(...nodeIds), port: fc.constantFrom(...PORTS) })
  return fc
    .uniqueArray(idArb, { maxLength: 8 })
    .chain((ids) =>
      fc.tuple(
        ...ids.map((id) =>
          fc
            .record({ from: end, to: end, order: finite }, { requiredKeys: ['from', 'to'] })
            .map((e): WorkflowEdge => ({ id, ...e })),
        ),
      ),
    )
}

/** Structurally valid documents (unique ids, edges between existing nodes); types and ports may be wrong. */
export const documentArb: fc.Arbitrary<WorkflowDocument> = fc
  .uniqueArray(idArb, { maxLength: 8 })
  .chain((ids) =>
    fc.record({
      name: fc.string(),
      nodes: fc.tuple(...ids.map(nodeArb)),
      edges: edgesArb(ids),
    }),
  )
  .map(({ name, nodes, edges }) => ({
    format: WORKFLOW_FORMAT,
    version: WORKFLOW_VERSION,
    name,
    nodes,
    edges,
  }))
