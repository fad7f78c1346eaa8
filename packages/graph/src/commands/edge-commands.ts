import { castDraft, freeze } from 'immer'
import { readEdge } from '../document/read-edge.ts'
import type { WorkflowDocument } from '../document/types.ts'
import type { NodeRegistry } from '../spec/registry.ts'
import type { Path } from '../util/path.ts'
import { accept, type CommandStep, commandIssue, findEdge, refuse } from './command-step.ts'
import { connectIssues } from './connect-checks.ts'
import type { ConnectCommand, DisconnectCommand } from './graph-command.ts'

/**
 * Checks a `connect` command: a valid edge with an unused id between existing nodes, and with
 * a registry the rules in {@link connectIssues}.
 */
export function planConnect(
  doc: WorkflowDocument,
  command: ConnectCommand,
  at: Path,
  registry: NodeRegistry | undefined,
): CommandStep {
  const where = [...at, 'edge']
  const read = readEdge(command.edge, where)
  if (!read.ok) return refuse(read.issues.filter((i) => i.severity === 'error'))
  const edge = freeze(read.value, true)
  const issues = []
  if (doc.edges.some((e) => e.id === edge.id)) {
    const message = `an edge with id "${edge.id}" already exists`
    issues.push(commandIssue('duplicate-id', [...where, 'id'], message, edge.to.node))
  }
  for (const end of ['from', 'to'] as const) {
    const id = edge[end].node
    if (doc.nodes.some((n) => n.id === id)) continue
    const message = `there is no node "${id}" to ${end === 'from' ? 'start' : 'end'} the edge at`
    issues.push(commandIssue('dangling-edge', [...where, end, 'node'], message))
  }
  if (issues.length === 0 && registry !== undefined)
    issues.push(...connectIssues(doc, edge, where, registry))
  if (issues.length > 0) return refuse(issues)
  return accept((draft) => {
    draft.edges.push(castDraft(edge))
  })
}

/** Checks a `disconnect` command. */
export function planDisconnect(
  doc: WorkflowDocument,
  command: DisconnectCommand,
  at: Path,
): CommandStep {
  const found = findEdge(doc, command.id, [...at, 'id'])
  if (!found.ok) return refuse(found.issues)
  return accept((draft) => {
    draft.edges.splice(found.index, 1)
  })
}
