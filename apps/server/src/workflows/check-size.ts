import type { Issue } from '@shotchain/graph'

/** Nodes per workflow when `SHOTCHAIN_MAX_NODES` is not set. */
export const DEFAULT_MAX_NODES = 2_000

/** Edges per node a workflow may have at most (a chain of shots has about 1.4). */
export const EDGES_PER_NODE = 4

/**
 * The node cap from `SHOTCHAIN_MAX_NODES` (default {@link DEFAULT_MAX_NODES}). Throws a message
 * for a person when it is set to anything but a positive whole number.
 */
export function readMaxNodes(env: NodeJS.ProcessEnv): number {
  const raw = env.SHOTCHAIN_MAX_NODES?.trim()
  if (raw === undefined || raw === '') return DEFAULT_MAX_NODES
  const value = Number(raw)
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new Error(`SHOTCHAIN_MAX_NODES: "${raw}" is not a positive whole number of nodes`)
  }
  return value
}

/**
 * Counts the nodes and edges of an untrusted document before anything expensive reads it (the
 * parser's validation takes seconds on tens of thousands of nodes, and blocks every other
 * request meanwhile). Returns an issue per list over its cap: `maxNodes` nodes and
 * `EDGES_PER_NODE × maxNodes` edges; none for a document too broken to count (the parser says why).
 */
export function checkWorkflowSize(input: unknown, maxNodes: number): Issue[] {
  if (typeof input !== 'object' || input === null) return []
  const { nodes, edges } = input as { nodes?: unknown; edges?: unknown }
  const issues: Issue[] = []
  const over = (list: string, count: number, cap: number) =>
    issues.push({
      code: 'invalid-shape',
      severity: 'error',
      path: list,
      message: `the workflow has ${count} ${list}; this server takes at most ${cap} ${list} per workflow (SHOTCHAIN_MAX_NODES is ${maxNodes}): split it into smaller workflows`,
    })
  if (Array.isArray(nodes) && nodes.length > maxNodes) over('nodes', nodes.length, maxNodes)
  const maxEdges = maxNodes * EDGES_PER_NODE
  if (Array.isArray(edges) && edges.length > maxEdges) over('edges', edges.length, maxEdges)
  return issues
}
