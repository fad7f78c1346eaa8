import {
  type GraphCommand,
  type NodeRegistry,
  roleOf,
  type WorkflowDocument,
  type WorkflowEdge,
} from '@shotchain/graph'
import { newEdgeId, nextNodeId } from './new-ids.ts'

/** Horizontal distance between consecutive shots. */
export const SHOT_SPACING = 600

/**
 * "Add next shot" on a shot node (its pack declares the `shot` role): a new node of the same type
 * and params starting from this one's chained output (its role's `chain`, e.g. `lastFrame` →
 * `start`), with a new prompt node of the type feeding this one's prompt (the role's
 * `nextPrompt` params over a copy of its params), and its clip put into every sequence this
 * shot's clip feeds, right after it. Nodes right of this shot move one shot further right to make
 * room. One list of commands, so one undo entry. Undefined when `shotId` is not a shot.
 */
export function nextShotCommands(
  doc: WorkflowDocument,
  registry: NodeRegistry,
  shotId: string,
  makeEdgeId: () => string = newEdgeId,
): GraphCommand[] | undefined {
  const shot = doc.nodes.find((n) => n.id === shotId)
  const role = shot === undefined ? undefined : roleOf(registry, shot, 'shot')
  if (shot === undefined || role === undefined) return undefined
  const stemOf = (type: string) => registry.get(type)?.idStem ?? type
  const nextId = nextNodeId(doc, stemOf(shot.type))
  const [x, y] = shot.position
  const commands: GraphCommand[] = [
    {
      type: 'addNode',
      node: { id: nextId, type: shot.type, position: [x + SHOT_SPACING, y], params: shot.params },
    },
    connect(makeEdgeId(), shotId, role.chain.from, nextId, role.chain.to),
  ]
  const feeding = doc.edges.find((e) => e.to.node === shotId && e.to.port === role.prompt)
  const oldPrompt = doc.nodes.find((n) => n.id === feeding?.from.node)
  if (feeding !== undefined && oldPrompt !== undefined && role.prompt !== undefined) {
    const promptId = nextNodeId(doc, stemOf(oldPrompt.type))
    commands.push(
      {
        type: 'addNode',
        node: {
          id: promptId,
          type: oldPrompt.type,
          position: [x + SHOT_SPACING / 2, oldPrompt.position[1]],
          params: { ...oldPrompt.params, ...role.nextPrompt },
        },
      },
      connect(makeEdgeId(), promptId, feeding.from.port, nextId, role.prompt),
    )
  }
  // Make room: everything right of this shot moves one shot further right.
  for (const node of doc.nodes) {
    if (node.id === shotId || node.position[0] <= x) continue
    commands.push({
      type: 'move',
      node: node.id,
      position: [node.position[0] + SHOT_SPACING, node.position[1]],
    })
  }
  for (const clip of doc.edges) {
    if (clip.from.node !== shotId || clip.from.port !== role.video || clip.order === undefined)
      continue
    const order = orderAfter(doc, clip)
    commands.push(connect(makeEdgeId(), nextId, role.video, clip.to.node, clip.to.port, order))
  }
  return commands
}

/** An order between `edge`'s and the next one in the same list input (orders need not be whole). */
function orderAfter(doc: WorkflowDocument, edge: WorkflowEdge): number {
  const own = edge.order ?? 0
  let next: number | undefined
  for (const e of doc.edges) {
    if (e.to.node !== edge.to.node || e.to.port !== edge.to.port || e.order === undefined) continue
    if (e.order > own && (next === undefined || e.order < next)) next = e.order
  }
  return next === undefined ? own + 1 : (own + next) / 2
}

function connect(
  id: string,
  fromNode: string,
  fromPort: string,
  toNode: string,
  toPort: string,
  order?: number,
): GraphCommand {
  const edge: WorkflowEdge = {
    id,
    from: { node: fromNode, port: fromPort },
    to: { node: toNode, port: toPort },
    ...(order === undefined ? {} : { order }),
  }
  return { type: 'connect', edge }
}
