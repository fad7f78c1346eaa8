import { takeNodeId, takesOf, type WorkflowNode } from '@shotchain/graph'

/**
 * The id each take of `node` had in a run (take 1 first), or undefined for a take the run did
 * not make. A run gives its picked take the node's own id and every other take its take id; the
 * person may have picked another take (or asked for more) since, so the run's pick is read from
 * the ids the run has: the first take whose take id it lacks while it has the node's own.
 */
export function takeIdsInRun(
  node: Pick<WorkflowNode, 'id' | 'takes'>,
  inRun: (id: string) => boolean,
): (string | undefined)[] {
  const { count } = takesOf(node)
  const ids = Array.from({ length: count }, (_, k) => takeNodeId(node.id, k + 1))
  const runPick = inRun(node.id) ? ids.findIndex((id) => !inRun(id)) : -1
  return ids.map((id, k) => (k === runPick ? node.id : inRun(id) ? id : undefined))
}
