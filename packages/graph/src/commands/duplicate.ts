import { castDraft, freeze } from 'immer'
import { toPosition } from '../document/read-node.ts'
import { readShape } from '../document/read-shape.ts'
import type { WorkflowDocument, WorkflowEdge, WorkflowNode } from '../document/types.ts'
import { positionSchema } from '../document/workflow-schema.ts'
import type { Path } from '../util/path.ts'
import type { Issue } from '../validate/issue.ts'
import { accept, type CommandStep, commandIssue, refuse } from './command-step.ts'
import type { DuplicateCommand } from './graph-command.ts'

/**
 * Builds the command that copies the nodes `ids` and the edges among them, shifted by
 * `offset`. `makeId` supplies each new id (the package never invents ids): first one per node,
 * then one per edge, in document order. Ids not in the document are skipped.
 *
 * @example
 * history.apply(duplicateCommand(history.doc, selection, () => crypto.randomUUID(), [40, 40]))
 */
export function duplicateCommand(
  doc: WorkflowDocument,
  ids: readonly string[],
  makeId: () => string,
  offset: readonly [number, number],
): DuplicateCommand {
  const chosen = new Set(ids)
  const nodes = doc.nodes.filter((n) => chosen.has(n.id)).map((n) => [n.id, makeId()] as const)
  const edges = doc.edges
    .filter((e) => chosen.has(e.from.node) && chosen.has(e.to.node))
    .map((e) => [e.id, makeId()] as const)
  return {
    type: 'duplicate',
    // fromEntries defines keys, so even an id like "__proto__" stays an ordinary key.
    nodes: Object.fromEntries(nodes),
    edges: Object.fromEntries(edges),
    offset: [offset[0], offset[1]],
  }
}

/** Checks a `duplicate` command: known sources, unused new ids, edges inside the selection. */
export function planDuplicate(
  doc: WorkflowDocument,
  command: DuplicateCommand,
  at: Path,
): CommandStep {
  const offset = readShape(positionSchema, command.offset, [...at, 'offset'])
  if (!offset.ok) return refuse(offset.issues)
  const [dx, dy] = offset.value
  const nodeMap = new Map(Object.entries(command.nodes))
  const edgeMap = new Map(Object.entries(command.edges))
  const issues: Issue[] = []
  const nodeIds = new Set(doc.nodes.map((n) => n.id))
  const edgeIds = new Set(doc.edges.map((e) => e.id))
  checkNewIds(nodeMap, nodeIds, [...at, 'nodes'], 'node', issues)
  checkNewIds(edgeMap, edgeIds, [...at, 'edges'], 'edge', issues)

  const copies: WorkflowNode[] = []
  for (const node of doc.nodes) {
    const id = nodeMap.get(node.id)
    if (id === undefined) continue
    const position = toPosition(node.position[0] + dx, node.position[1] + dy)
    if (!position.every(Number.isFinite)) {
      issues.push(
        commandIssue('invalid-shape', [...at, 'offset'], `moves node "${node.id}" off the canvas`),
      )
    }
    copies.push(freeze({ ...node, id, position }, true))
  }
  const edgeCopies: WorkflowEdge[] = []
  for (const edge of doc.edges) {
    const id = edgeMap.get(edge.id)
    if (id === undefined) continue
    const from = nodeMap.get(edge.from.node)
    const to = nodeMap.get(edge.to.node)
    if (from === undefined || to === undefined) {
      const message = `edge "${edge.id}" does not join two of the duplicated nodes`
      issues.push(commandIssue('invalid-shape', [...at, 'edges', edge.id], message))
      continue
    }
    const copy = { ...edge, id, from: { ...edge.from, node: from }, to: { ...edge.to, node: to } }
    edgeCopies.push(freeze(copy, true))
  }
  if (issues.length > 0) return refuse(issues)
  return accept((draft) => {
    for (const node of copies) draft.nodes.push(castDraft(node))
    for (const edge of edgeCopies) draft.edges.push(castDraft(edge))
  })
}

/** Each old id must be in `existing`; each new id must be non-empty text, unused and unrepeated. */
function checkNewIds(
  map: ReadonlyMap<string, unknown>,
  existing: ReadonlySet<string>,
  at: Path,
  what: 'node' | 'edge',
  issues: Issue[],
): void {
  const fresh = new Set<string>()
  for (const [oldId, newId] of map) {
    const path = [...at, oldId]
    if (!existing.has(oldId)) {
      issues.push(commandIssue('not-found', path, `there is no ${what} "${oldId}" to duplicate`))
    } else if (typeof newId !== 'string' || newId === '') {
      issues.push(
        commandIssue('invalid-shape', path, `must be the copy's new ${what} id (non-empty text)`),
      )
    } else if (existing.has(newId) || fresh.has(newId)) {
      issues.push(
        commandIssue('duplicate-id', path, `the new ${what} id "${newId}" is already used`),
      )
    }
    if (typeof newId === 'string') fresh.add(newId)
  }
}
