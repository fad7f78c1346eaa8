import type { GraphCommand, WorkflowDocument, WorkflowEdge } from '@shotchain/graph'
import { newEdgeId, nextNodeId } from './new-ids.ts'

const KLING = 'kling-o1-i2v'
/** Horizontal distance between consecutive shots. */
export const SHOT_SPACING = 600

/**
 * "Add next shot" on a Kling node: a new prompt and Kling pair, the new shot starting from this
 * one's `lastFrame`, with the same duration and tier, and its clip put into every sequence this
 * shot's clip feeds, right after it. Nodes right of this shot move one shot further right to
 * make room. One list of commands, so one undo entry. Undefined when
 * `shotId` is not a Kling node.
 */
export function nextShotCommands(
  doc: WorkflowDocument,
  shotId: string,
  makeEdgeId: () => string = newEdgeId,
): GraphCommand[] | undefined {
  const shot = doc.nodes.find((n) => n.id === shotId)
  if (shot === undefined || shot.type !== KLING) return undefined
  const promptId = nextNodeId(doc, 'prompt')
  const nextId = nextNodeId(doc, KLING)
  const feedingPrompt = doc.edges.find((e) => e.to.node === shotId && e.to.port === 'prompt')
  const oldPrompt = doc.nodes.find((n) => n.id === feedingPrompt?.from.node)
  const [x, y] = shot.position
  const commands: GraphCommand[] = [
    {
      type: 'addNode',
      node: {
        id: promptId,
        type: 'prompt',
        position: [x + SHOT_SPACING / 2, oldPrompt?.position[1] ?? y + 380],
        params: { text: '@Image1: ' },
      },
    },
    {
      type: 'addNode',
      node: { id: nextId, type: KLING, position: [x + SHOT_SPACING, y], params: shot.params },
    },
    connect(makeEdgeId(), shotId, 'lastFrame', nextId, 'start'),
    connect(makeEdgeId(), promptId, 'text', nextId, 'prompt'),
  ]
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
    if (clip.from.node !== shotId || clip.from.port !== 'video' || clip.order === undefined)
      continue
    const order = orderAfter(doc, clip)
    commands.push(connect(makeEdgeId(), nextId, 'video', clip.to.node, clip.to.port, order))
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
