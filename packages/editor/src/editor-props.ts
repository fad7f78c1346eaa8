import type { NodeRegistry, WorkflowHistory } from '@shotchain/graph'

/** Where a dropped file landed, in canvas coordinates (what a node's `position` holds). */
export type CanvasPoint = readonly [number, number]

/** What the editor tells its host, and what it asks of it. */
export interface WorkflowEditorProps {
  /**
   * The document and its undo stack. The editor applies every canvas action to it as graph
   * commands and redraws from it when it changes (load, undo, redo, a remote change).
   */
  readonly history: WorkflowHistory
  /** The node types the palette offers and the canvas draws. */
  readonly registry: NodeRegistry
  /** The URL of an image-source node's picture (a thumbnail), or undefined when it has none. */
  readonly imageUrl?: (params: Readonly<Record<string, unknown>>) => string | undefined
  /** Ctrl/Cmd+S. */
  readonly onSave?: () => void
  /** Ctrl/Cmd+Enter: run towards the selected nodes (empty: the whole workflow). */
  readonly onRun?: (selected: readonly string[]) => void
  /** Files dropped on the canvas (images, workflow files), with where they landed. */
  readonly onDropFiles?: (files: readonly File[], at: CanvasPoint) => void
}
