import {
  type NodeRegistry,
  nodesWithRole,
  outputNameOf,
  type WorkflowDocument,
} from '@shotchain/graph'
import { mediaOf, mediaUrl } from './media-of.ts'
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
    const name = outputNameOf(node, role)
    const extension = media.kind === 'video' ? 'mp4' : 'png'
    return [{ nodeId: node.id, fileName: `${name}.${extension}`, url: mediaUrl(media) }]
  })
}
