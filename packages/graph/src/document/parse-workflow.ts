import { freeze } from 'immer'
import { describeValue, isPlainObject } from '../util/describe-value.ts'
import type { Issue } from '../validate/issue.ts'
import { checkReferences } from './check-references.ts'
import { parseJsonText } from './json-text.ts'
import { MIGRATIONS, type MigrationTable, migrateWorkflow } from './migrations.ts'
import { readEdge } from './read-edge.ts'
import { readNode } from './read-node.ts'
import { ownField, readShape, unknownFieldWarnings } from './read-shape.ts'
import {
  WORKFLOW_FORMAT,
  WORKFLOW_VERSION,
  type WorkflowDocument,
  type WorkflowEdge,
  type WorkflowNode,
} from './types.ts'
import { bodySchema, KNOWN_FIELDS } from './workflow-schema.ts'

/** Settings of {@link parseWorkflow}. */
export interface ParseWorkflowOptions {
  /** Upgrades for older versions; defaults to {@link MIGRATIONS}. */
  readonly migrations?: MigrationTable
}

/** A loaded document with its warnings, or every problem found and no document. */
export type ParseWorkflowResult =
  | { readonly ok: true; readonly doc: WorkflowDocument; readonly issues: readonly Issue[] }
  | { readonly ok: false; readonly issues: readonly Issue[] }

/**
 * Loads an untrusted workflow: JSON text or an already-parsed value. Checks the structure
 * (format, version, ids, positions, params as plain JSON, edges joining existing nodes),
 * upgrades older versions, drops unknown fields with a warning, and returns a fresh,
 * deep-frozen document. It never throws and never half-loads: either every part is read or
 * the result is `ok: false` with issues naming the path at fault (`nodes[3].position[0]`).
 * Node types, ports and params are not checked here; see `validateDocument`.
 *
 * @example
 * const result = parseWorkflow(text)
 * if (!result.ok) return result.issues.map(formatIssue)
 * history.reset(result.doc)
 */
export function parseWorkflow(
  input: unknown,
  options: ParseWorkflowOptions = {},
): ParseWorkflowResult {
  try {
    return parse(input, options.migrations ?? MIGRATIONS)
  } catch (error) {
    // Only hostile values reach here (throwing getters, revoked proxies): plain data cannot.
    const reason = error instanceof Error ? error.message : String(error)
    return { ok: false, issues: [shapeIssue('', `the workflow could not be read: ${reason}`)] }
  }
}

function parse(input: unknown, migrations: MigrationTable): ParseWorkflowResult {
  let raw = input
  if (typeof input === 'string') {
    const json = parseJsonText(input)
    if (!json.ok) return { ok: false, issues: [json.issue] }
    raw = json.value
  }
  if (!isPlainObject(raw)) {
    return fail([shapeIssue('', `a workflow must be a JSON object, not ${describeValue(raw)}`)])
  }
  const format = ownField(raw, 'format')
  if (format !== WORKFLOW_FORMAT) {
    const found = format === undefined ? 'missing' : describeValue(format)
    return fail([
      shapeIssue(
        'format',
        `must be "${WORKFLOW_FORMAT}" (found ${found}); this is not a Shotchain workflow`,
      ),
    ])
  }
  const version = ownField(raw, 'version')
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return fail([
      shapeIssue('version', `must be a whole number of 1 or more, not ${describeValue(version)}`),
    ])
  }
  if (version > WORKFLOW_VERSION) {
    return fail([
      {
        code: 'unsupported-version',
        path: 'version',
        message: `this workflow is version ${version}, written by a newer Shotchain; this one reads versions up to ${WORKFLOW_VERSION}. Update Shotchain to open it.`,
        severity: 'error',
      },
    ])
  }
  const migrated = migrateWorkflow(raw, version, WORKFLOW_VERSION, migrations)
  if (!migrated.ok) return fail(migrated.issues)
  return readBody(migrated.doc)
}

function readBody(raw: Readonly<Record<string, unknown>>): ParseWorkflowResult {
  const warnings = unknownFieldWarnings(raw, KNOWN_FIELDS.document, [])
  const body = readShape(bodySchema, raw, [])
  if (!body.ok) return fail([...body.issues, ...warnings])
  const errors: Issue[] = []
  const nodes: WorkflowNode[] = []
  const edges: WorkflowEdge[] = []
  body.value.nodes.forEach((value, i) => {
    const node = readNode(value, ['nodes', i])
    if (node.ok) {
      nodes.push(node.value)
      warnings.push(...node.warnings)
    } else errors.push(...node.issues)
  })
  body.value.edges.forEach((value, j) => {
    const edge = readEdge(value, ['edges', j])
    if (edge.ok) {
      edges.push(edge.value)
      warnings.push(...edge.warnings)
    } else errors.push(...edge.issues)
  })
  // Ids are only compared once every node and edge was read, so indices line up and a node
  // that failed to read does not also make its edges look dangling.
  if (errors.length === 0) errors.push(...checkReferences(nodes, edges).issues)
  if (errors.length > 0) return fail([...errors, ...warnings])
  const doc: WorkflowDocument = {
    format: WORKFLOW_FORMAT,
    version: WORKFLOW_VERSION,
    name: body.value.name,
    nodes,
    edges,
  }
  return { ok: true, doc: freeze(doc, true), issues: warnings }
}

function fail(issues: Issue[]): ParseWorkflowResult {
  return { ok: false, issues }
}

function shapeIssue(path: string, message: string): Issue {
  return { code: 'invalid-shape', path, message, severity: 'error' }
}
