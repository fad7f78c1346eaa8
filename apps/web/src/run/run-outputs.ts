import {
  type NodeRegistry,
  nodesWithRole,
  type OutputRole,
  outputNameOf,
  type WorkflowDocument,
  type WorkflowNode,
} from '@shotchain/graph'
import { mediaOf, mediaUrl, type OutputMedia } from './media-of.ts'
import type { RunView } from './run-view.ts'

/** A result a run kept: an output node's media, with the name it is saved under. */
export interface RunOutputLink {
  readonly nodeId: string
  readonly fileName: string
  readonly url: string
}

/** The outputs the shown run produced, for the output nodes of the document on the page. */
export function runOutputs(
  doc: WorkflowDocument,
  registry: NodeRegistry,
  view: RunView | undefined,
): RunOutputLink[] {
  if (view === undefined) return []
  return nodesWithRole(doc, registry, 'output').flatMap(({ node, role }) => {
    const media = mediaOf(view.nodes.get(node.id)?.outputs, role.media)
    if (media === undefined) return []
    return [
      { nodeId: node.id, fileName: outputFileName(node, role, media.kind), url: mediaUrl(media) },
    ]
  })
}

/**
 * The file an output node's result downloads as: the graph's name for it (`outputNameOf`) with
 * the media's extension. Every download of that result (run outputs, the timeline) uses it.
 */
export function outputFileName(
  node: Pick<WorkflowNode, 'id' | 'params'>,
  role: OutputRole,
  kind: OutputMedia['kind'],
): string {
  return `${outputNameOf(node, role)}.${kind === 'video' ? 'mp4' : 'png'}`
}
