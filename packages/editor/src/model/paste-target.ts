import { type NodeRegistry, takesFileOf, type WorkflowDocument } from '@shotchain/graph'

/**
 * The node a pasted file fills: the first of `candidates` (in the order asked — the focused
 * node, the selected ones, the one under the pointer) whose type takes files of `contentType`
 * (an image node for `image/png`). Undefined when none does: the file becomes a new node.
 * @example
 * pasteTarget(doc, registry, [focused, ...selected, hovered], 'image/png') // 'image-1'
 */
export function pasteTarget(
  doc: WorkflowDocument,
  registry: NodeRegistry,
  candidates: readonly (string | undefined)[],
  contentType: string,
): string | undefined {
  return candidates.find((id) => {
    const node = id === undefined ? undefined : doc.nodes.find((n) => n.id === id)
    const spec = node && registry.get(node.type)
    return spec !== undefined && takesFileOf(spec, contentType)
  })
}
