import type { WorkflowNode } from '../document/types.ts'

/**
 * How many times a paid node is generated and which result goes on: each take is its own paid
 * request with its own cache key; the picked take's outputs feed the nodes downstream. Stored
 * on the node (`WorkflowNode.takes`), so picking is an undoable edit saved with the workflow.
 * @public
 */
export interface Takes {
  /** How many takes, 1 to {@link MAX_TAKES}. */
  readonly count: number
  /** The take whose outputs go on, 1 to `count`. */
  readonly pick: number
}

/** The most takes one node may have: each is paid for. @public */
export const MAX_TAKES = 8

/** The one take every node has without `takes`. */
const ONE_TAKE: Takes = { count: 1, pick: 1 }

/** A node's takes: its own, or one take picked. @public */
export function takesOf(node: Pick<WorkflowNode, 'takes'>): Takes {
  return node.takes ?? ONE_TAKE
}

const TAKE_MARK = '#take'

/**
 * The id a run gives take `take` of node `nodeId` when it is not the picked one (`shot-2#take2`):
 * its events, records and results go under this id, while the picked take's go under the node's
 * own id, as with a node of one take.
 * @public
 */
export function takeNodeId(nodeId: string, take: number): string {
  return `${nodeId}${TAKE_MARK}${take}`
}

/**
 * The node and take a run's node id stands for: `{ node: 'shot-2', take: 2 }` for
 * `shot-2#take2`; undefined for a node's own id.
 * @public
 */
export function parseTakeNodeId(runNodeId: string): { node: string; take: number } | undefined {
  const at = runNodeId.lastIndexOf(TAKE_MARK)
  if (at <= 0) return undefined
  const digits = runNodeId.slice(at + TAKE_MARK.length)
  if (!/^[1-9]\d*$/.test(digits)) return undefined
  return { node: runNodeId.slice(0, at), take: Number(digits) }
}

/**
 * The run's id of each take of a node, take 1 first: the picked take runs under the node's own
 * id, every other under {@link takeNodeId}.
 * @public
 */
export function takeRunIds(node: Pick<WorkflowNode, 'id' | 'takes'>): string[] {
  const { count, pick } = takesOf(node)
  return Array.from({ length: count }, (_, k) =>
    k + 1 === pick ? node.id : takeNodeId(node.id, k + 1),
  )
}

/** Why `takes` is not a valid {@link Takes}, or undefined when it is. */
export function takesProblem(
  takes: Takes,
): { field: 'count' | 'pick'; message: string } | undefined {
  const { count, pick } = takes
  if (!Number.isInteger(count) || count < 1 || count > MAX_TAKES)
    return { field: 'count', message: `must be a whole number from 1 to ${MAX_TAKES}` }
  if (!Number.isInteger(pick) || pick < 1 || pick > count)
    return { field: 'pick', message: `must be a take from 1 to ${count}` }
  return undefined
}
