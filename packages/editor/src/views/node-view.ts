import type {
  AnyNodeSpec,
  GraphCommand,
  Issue,
  NodeRegistry,
  WorkflowDocument,
  WorkflowEdge,
  WorkflowNode,
} from '@shotchain/graph'
import type { ComponentType } from 'react'
import type { NodeRunStatus } from '../editor-props.ts'

/**
 * What a node's body may ask of the editor it is drawn in. One object per editor: a body may
 * keep it in a hook's dependencies.
 * @public
 */
export interface NodeViewEditor {
  /**
   * Applies commands to the history as one undo entry (a refusal shows as the canvas notice); a
   * merge key folds a burst (typing) into one entry.
   */
  apply(commands: GraphCommand | readonly GraphCommand[], mergeKey?: string): void
  /** The document as it is now (not as it was when the body last drew). */
  document(): WorkflowDocument
  /** The node types the editor was given. */
  readonly registry: NodeRegistry
  /**
   * The host's URL for a source node's file, its picture or its sound (`imageUrl` of
   * `<WorkflowEditor>`), if any.
   */
  imageUrl(params: Readonly<Record<string, unknown>>): string | undefined
  /**
   * Hands files a person picked in a node's body (a file input) to the host, as a drop onto that
   * node (`onDropFiles` of `<WorkflowEditor>` with `onto`); undefined when the host takes none.
   */
  readonly takeFiles: ((nodeId: string, files: readonly File[]) => void) | undefined
}

/**
 * What a node's body is drawn from. A new object only when the node, its edges in, its issues
 * or its run state changed.
 * @public
 */
export interface NodeBodyProps {
  readonly node: WorkflowNode
  readonly spec: AnyNodeSpec
  /** Edges into the node, in document order. */
  readonly into: readonly WorkflowEdge[]
  /** The document's problems with the node (the card shows the first under it). */
  readonly issues: readonly Issue[]
  /** The node in the run the host shows; undefined when it shows none. */
  readonly run: NodeRunStatus | undefined
  readonly editor: NodeViewEditor
}

/** One entry of a node's context menu. @public */
export interface NodeAction {
  readonly label: string
  /** The key hint shown beside the label (the key itself is not bound). */
  readonly shortcut?: string
  readonly run: () => void
}

/**
 * How the editor draws nodes of one type: a pack's UI entry gives one per type, as React Flow
 * takes `nodeTypes`. The card (header, ports, run badge, issues) is the editor's; the body under
 * the ports is the view's.
 *
 * The body's height is fixed and exact: socket positions, connection paths, fit-to-view, the
 * minimap and auto-arrange are computed from it without reading the DOM, so `Body` must draw
 * within `bodyHeight` px (it is clipped to it).
 * @public
 */
export interface NodeView {
  /** The body under the ports; absent: an empty body of `bodyHeight`. */
  readonly Body?: ComponentType<NodeBodyProps>
  /** The body's height in CSS px, fixed or per node. */
  readonly bodyHeight: number | ((node: WorkflowNode, spec: AnyNodeSpec) => number)
  /** Entries of the node's context menu, above Duplicate, Copy and Delete. */
  readonly actions?: (node: WorkflowNode, editor: NodeViewEditor) => readonly NodeAction[]
}

/**
 * Node views by node type. A type without one gets the editor's generic body (its params, one
 * line, read only) of {@link GENERIC_BODY_HEIGHT}.
 * @public
 */
export type NodeViews = Readonly<Record<string, NodeView>>

/** The height of the generic body a node type without a view gets. @public */
export const GENERIC_BODY_HEIGHT = 44

/** The body height a node of `node.type` is drawn with. @internal */
export function bodyHeightOf(
  views: NodeViews,
  node: WorkflowNode,
  spec: AnyNodeSpec | undefined,
): number {
  const view = Object.hasOwn(views, node.type) ? views[node.type] : undefined
  if (view === undefined) return GENERIC_BODY_HEIGHT
  const { bodyHeight } = view
  if (typeof bodyHeight === 'number') return bodyHeight
  return spec ? bodyHeight(node, spec) : GENERIC_BODY_HEIGHT
}
