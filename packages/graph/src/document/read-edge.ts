import type { Path } from '../util/path.ts'
import { ownField, type ReadResult, readShape, unknownFieldWarnings } from './read-shape.ts'
import type { WorkflowEdge } from './types.ts'
import { edgeSchema, KNOWN_FIELDS } from './workflow-schema.ts'

/** Reads one edge from untrusted input into a fresh plain object. */
export function readEdge(value: unknown, path: Path): ReadResult<WorkflowEdge> {
  const warnings = [
    ...unknownFieldWarnings(value, KNOWN_FIELDS.edge, path),
    ...unknownFieldWarnings(ownField(value, 'from'), KNOWN_FIELDS.portRef, [...path, 'from']),
    ...unknownFieldWarnings(ownField(value, 'to'), KNOWN_FIELDS.portRef, [...path, 'to']),
  ]
  const shape = readShape(edgeSchema, value, path)
  if (!shape.ok) return { ok: false, issues: [...shape.issues, ...warnings] }
  const { id, from, to, order } = shape.value
  const edge: WorkflowEdge = {
    id,
    from: { node: from.node, port: from.port },
    to: { node: to.node, port: to.port },
    ...(order === undefined ? {} : { order: order + 0 }),
  }
  return { ok: true, value: edge, warnings }
}
