import {
  applyCommands,
  type ConnectCommand,
  type NodeRegistry,
  type WorkflowDocument,
  type WorkflowEdge,
} from '@shotchain/graph'
import type { Side } from './geometry.ts'

/** A socket on the canvas: a port of a node, on its input or output side. */
export interface SocketRef {
  readonly node: string
  readonly side: Side
  readonly port: string
}

/** What a drag between two sockets would do: the `connect` command, or why it is refused. */
export type ConnectIntent =
  | { readonly ok: true; readonly command: ConnectCommand }
  | { readonly ok: false; readonly reason: string }

/**
 * The `connect` command for a drag from `a` to `b` (either direction), or why the document
 * would refuse it: a type mismatch, a second edge into a single input, a cycle… The check is
 * the document's own (`applyCommands` with the registry, on a throwaway result), so the canvas
 * can never accept what a loaded file would be refused for. A list input gets the next `order`.
 */
export function connectIntent(
  doc: WorkflowDocument,
  registry: NodeRegistry,
  a: SocketRef,
  b: SocketRef,
  edgeId: string,
): ConnectIntent {
  if (a.side === b.side) {
    return { ok: false, reason: `connect an output to an input, not two ${a.side}s` }
  }
  const [from, to] = a.side === 'output' ? [a, b] : [b, a]
  const spec = registry.get(doc.nodes.find((n) => n.id === to.node)?.type ?? '')
  const isList = spec?.inputs[to.port]?.list === true
  const edge: WorkflowEdge = {
    id: edgeId,
    from: { node: from.node, port: from.port },
    to: { node: to.node, port: to.port },
    ...(isList ? { order: nextOrder(doc, to.node, to.port) } : {}),
  }
  const command: ConnectCommand = { type: 'connect', edge }
  const result = applyCommands(doc, command, { registry })
  if (result.ok) return { ok: true, command }
  const issue = result.issues[0]
  const fromSpec = registry.get(doc.nodes.find((n) => n.id === from.node)?.type ?? '')
  const output = fromSpec?.outputs[from.port]
  const input = spec?.inputs[to.port]
  if (issue?.code === 'type-mismatch' && output && input) {
    // Said in the ports' own words; the document's message names edge ids a drag never shows.
    const reason = `“${output.label ?? from.port}” is ${article(output.type)}; “${input.label ?? to.port}” takes ${article(input.type)}`
    return { ok: false, reason }
  }
  return { ok: false, reason: issue?.message ?? 'the document refuses this edge' }
}

/** A port type with its article, as a sentence says it: `a text`, `an image`. */
export function article(type: string): string {
  return `${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type}`
}

/** One more than the highest `order` among the edges into a list input. */
export function nextOrder(doc: WorkflowDocument, node: string, port: string): number {
  let max = -1
  for (const e of doc.edges) {
    if (e.to.node === node && e.to.port === port) max = Math.max(max, e.order ?? 0)
  }
  return max + 1
}
