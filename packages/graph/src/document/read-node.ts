import { takesProblem } from '../takes/takes.ts'
import type { Path } from '../util/path.ts'
import { formatPath, type Issue } from '../validate/issue.ts'
import { readJsonObject } from './json-value.ts'
import { type ReadResult, readShape, stringField, unknownFieldWarnings } from './read-shape.ts'
import type { WorkflowNode } from './types.ts'
import { KNOWN_FIELDS, nodeSchema } from './workflow-schema.ts'

/**
 * Reads one node from untrusted input into a fresh plain object: structure, finite position,
 * params as plain JSON. Unknown fields are dropped with a warning.
 */
export function readNode(value: unknown, path: Path): ReadResult<WorkflowNode> {
  const nodeId = stringField(value, 'id')
  const warnings = unknownFieldWarnings(value, KNOWN_FIELDS.node, path, nodeId)
  const shape = readShape(nodeSchema, value, path, nodeId)
  if (!shape.ok) return { ok: false, issues: [...shape.issues, ...warnings] }
  const params = readJsonObject(shape.value.params, [...path, 'params'], nodeId)
  if (!params.ok) return { ok: false, issues: [...params.issues, ...warnings] }
  const { id, type, position, label, takes } = shape.value
  const problem = takes && takesProblem(takes)
  if (problem !== undefined) {
    const issue: Issue = {
      code: 'invalid-shape',
      path: formatPath([...path, 'takes', problem.field]),
      message: problem.message,
      severity: 'error',
      nodeId: id,
    }
    return { ok: false, issues: [issue, ...warnings] }
  }
  const node: WorkflowNode = {
    id,
    type,
    ...(label === undefined ? {} : { label }),
    position: toPosition(position[0], position[1]),
    params: params.value,
    ...(takes === undefined ? {} : { takes: { count: takes.count, pick: takes.pick } }),
  }
  return { ok: true, value: node, warnings }
}

/** A position as stored: a fresh pair, with `-0` read as `0` so that JSON round-trips exactly. */
export function toPosition(x: number, y: number): readonly [number, number] {
  return [x + 0, y + 0]
}
