import type { NodeRegistry, WorkflowDocument } from '@shotchain/graph'

/** An editor mounted on the benchmark page. */
export interface MountedEditor {
  /**
   * Settles when the editor's own loading work is done (stock: after the last `addConnection`
   * and `zoomAt`). The page counts the document as drawn only after this and when every node and
   * connection path is in the DOM. Rejects when loading fails.
   */
  readonly loaded: Promise<void>
  /**
   * The element a press on empty canvas lands on (`document.elementFromPoint` returns it there):
   * where the runner starts its pan drag. Null while it is not in the DOM.
   */
  surface(): Element | null
  /**
   * For an editor that draws only what is near the view: whether everything on screen is drawn.
   * Without it, the page waits for every node and connection path in the DOM.
   */
  isDrawn?(): boolean
}

/** Mounts an editor drawing `doc` into `container`, which fills the viewport. */
export type MountEditor = (
  container: HTMLElement,
  doc: WorkflowDocument,
  registry: NodeRegistry,
) => MountedEditor
