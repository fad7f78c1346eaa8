import type { GetSchemes, NodeEditor } from 'rete'
import type { Area2D, AreaExtensions, AreaPlugin } from 'rete-area-plugin'

/**
 * Rete's own node object: a mutable shell that only carries what Rete needs (its id and the
 * selection). Everything shown comes from the document. No size: only Rete's `zoomAt` and
 * `getBoundingBox` read one, and the canvas frames nodes from document geometry instead.
 */
export interface ReteNode {
  readonly id: string
  readonly label: string
  selected?: boolean
}

/** Rete's own connection object: which output of which node feeds which input. */
export interface ReteConnection {
  readonly id: string
  readonly source: string
  readonly sourceOutput: string
  readonly target: string
  readonly targetInput: string
}

/** The node and connection types Rete's editor and plugins are typed with. */
export type Schemes = GetSchemes<ReteNode, ReteConnection>
/** What Rete's area signals (zoom, translate, render, pointer events…). */
export type AreaSignals = Area2D<Schemes>
/** Rete's area: zoom, pan, node views, drag. */
export type CanvasArea = AreaPlugin<Schemes, AreaSignals>
/** Rete's node editor: the nodes and connections shown. */
export type CanvasEditor = NodeEditor<Schemes>
/** The selection Rete's area keeps (what is selected, and the node a person last picked). */
export type CanvasSelector = ReturnType<typeof AreaExtensions.selector>
/** Selecting and unselecting nodes by id (Rete's selectable-nodes extension). */
export type CanvasSelectable = ReturnType<typeof AreaExtensions.selectableNodes>
