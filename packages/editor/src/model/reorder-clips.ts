import type { GraphCommand, WorkflowDocument, WorkflowEdge } from '@shotchain/graph'
import { orderedListEdges } from './geometry.ts'

/**
 * Moves one edge of a list input (a sequence's clip) up (`-1`) or down (`+1`): the list is
 * renumbered 0, 1, 2… with the two edges swapped, each changed edge re-made under its own id.
 * One command list, so one undo entry. Undefined when the edge is already at that end.
 */
export function moveClipCommands(
  doc: WorkflowDocument,
  edgeId: string,
  delta: -1 | 1,
): GraphCommand[] | undefined {
  const edge = doc.edges.find((e) => e.id === edgeId)
  if (edge === undefined) return undefined
  const list = orderedListEdges(
    doc.edges.filter((e) => e.to.node === edge.to.node),
    edge.to.port,
  )
  const at = list.findIndex((e) => e.id === edgeId)
  const other = list[at + delta]
  if (other === undefined) return undefined
  list[at] = other
  list[at + delta] = edge
  const changed = list.flatMap((e, rank) => (e.order === rank ? [] : [{ edge: e, rank }]))
  return [
    ...changed.map(({ edge }): GraphCommand => ({ type: 'disconnect', id: edge.id })),
    ...changed.map(({ edge, rank }): GraphCommand => reconnect(edge, rank)),
  ]
}

function reconnect(edge: WorkflowEdge, order: number): GraphCommand {
  return { type: 'connect', edge: { ...edge, order } }
}
