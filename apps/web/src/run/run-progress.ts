import {
  countText,
  type NodeRegistry,
  parseTakeNodeId,
  roleOf,
  type WorkflowDocument,
} from '@shotchain/graph'
import type { RunView } from './run-view.ts'

/**
 * How far a live run is, in a person's words: its shots when it makes any ("Running: 1 of 3
 * shots ready"; a cached shot is ready too), else its nodes ("Running: 2 of 5 nodes done").
 */
export function runProgress(view: RunView, doc: WorkflowDocument, registry: NodeRegistry): string {
  const shots = new Set(
    doc.nodes.filter((n) => roleOf(registry, n, 'shot') !== undefined).map((n) => n.id),
  )
  const nodes = [...view.nodes.entries()]
  const ready = (list: typeof nodes) =>
    list.filter(([, n]) => n.status === 'succeeded' || n.status === 'cached').length
  // A take not picked runs under its take id, and is a shot too.
  const inRun = nodes.filter(([id]) => shots.has(parseTakeNodeId(id)?.node ?? id))
  if (inRun.length > 0) {
    return `Running: ${ready(inRun)} of ${countText(inRun.length, 'shot')} ready`
  }
  return `Running: ${ready(nodes)} of ${countText(nodes.length, 'node')} done`
}
