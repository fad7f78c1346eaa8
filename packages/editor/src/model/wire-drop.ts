import {
  type AnyNodeSpec,
  applyCommands,
  type GraphCommand,
  type NodeRegistry,
  type PortType,
  type WorkflowDocument,
} from '@shotchain/graph'
import { article, connectIntent, type SocketRef } from './connect-intent.ts'
import { freeInputPoint, outputPoint, type Point, portLayout, type Side } from './geometry.ts'
import { newNodeCommand } from './new-nodes.ts'

/** A wire dropped on empty canvas: the socket it was dragged from and the type it carries. */
export interface LooseWire {
  readonly socket: SocketRef
  readonly type: PortType
}

/** The loose wire a drag from `socket` makes; undefined for a socket the document lacks. */
export function looseWire(
  doc: WorkflowDocument,
  registry: NodeRegistry,
  socket: SocketRef,
): LooseWire | undefined {
  const spec = registry.get(doc.nodes.find((n) => n.id === socket.node)?.type ?? '')
  const port = socket.side === 'output' ? spec?.outputs[socket.port] : spec?.inputs[socket.port]
  return port && { socket, type: port.type }
}

/** The side of a new node the wire ends on: an input for a wire from an output, and back. */
function endSide(wire: LooseWire): Side {
  return wire.socket.side === 'output' ? 'input' : 'output'
}

/** The ports of `spec` a wire could end on: on the other side, of the type it carries. */
function endPorts(spec: AnyNodeSpec, wire: LooseWire): string[] {
  const ports = endSide(wire) === 'input' ? spec.inputs : spec.outputs
  return Object.entries(ports)
    .filter(([, port]) => port.type === wire.type)
    .map(([key]) => key)
}

/** What the palette says it lists for the wire: `A node that takes a text`. */
export function wireWanted(wire: LooseWire): string {
  return `A node that ${wire.socket.side === 'output' ? 'takes' : 'makes'} ${article(wire.type)}`
}

/**
 * Whether a node of `spec` has a port for the wire: an input of its type for a wire from an
 * output, an output of its type for a wire from an input. What the palette lists after a drop.
 */
export function acceptsWire(spec: AnyNodeSpec, wire: LooseWire): boolean {
  return endPorts(spec, wire).length > 0
}

/**
 * A new node of `type` on the end of a dropped wire, as one command list (one undo entry), with
 * the new node's id: the
 * `addNode`, placed so that the socket the wire reaches sits at `at` (unless another node's
 * corner is there), and the `connect` to its first port of the wire's type the document takes
 * (`connectIntent`: the document's own rules). Undefined when no port of the type takes it.
 * @example
 * const drop = wireDropCommands(doc, registry, wire, 'my-pack-shot', { x: 400, y: 200 }, 'e-1')
 * if (drop) history.apply(drop.commands, { registry })
 */
export function wireDropCommands(
  doc: WorkflowDocument,
  registry: NodeRegistry,
  wire: LooseWire,
  type: string,
  at: Point,
  edgeId: string,
): { readonly commands: GraphCommand[]; readonly node: string } | undefined {
  const spec = registry.get(type)
  if (spec === undefined) return undefined
  const side = endSide(wire)
  const layout = portLayout(spec, [])
  // Where each socket sits on a node at the origin: the offset from a node's corner.
  const origin = { ...newNodeCommand(doc, registry, type, [0, 0]).node, position: [0, 0] as const }
  for (const port of endPorts(spec, wire)) {
    const offset =
      side === 'input' ? freeInputPoint(origin, layout, port) : outputPoint(origin, layout, port)
    const add = newNodeCommand(doc, registry, type, [at.x - offset.x, at.y - offset.y])
    const added = applyCommands(doc, add, { registry })
    if (!added.ok) return undefined
    const end: SocketRef = { node: add.node.id, side, port }
    const intent = connectIntent(added.doc, registry, wire.socket, end, edgeId)
    if (intent.ok) return { commands: [add, intent.command], node: add.node.id }
  }
  return undefined
}
