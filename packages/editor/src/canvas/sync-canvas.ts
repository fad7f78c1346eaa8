import type { WorkflowDocument, WorkflowHistory } from '@shotchain/graph'
import { planSync } from '../model/sync-plan.ts'
import type { CanvasStore } from './canvas-store.ts'
import type {
  CanvasArea,
  CanvasEditor,
  CanvasSelectable,
  CanvasSelector,
  ReteNode,
} from './rete-types.ts'

/** What `syncCanvas` keeps in step, and with which history. */
export interface SyncOptions {
  readonly editor: CanvasEditor
  readonly area: CanvasArea
  readonly store: CanvasStore
  readonly history: WorkflowHistory
  readonly selector: CanvasSelector
  readonly selectable: CanvasSelectable
  /** Frames the whole document (a first load, and every load after a reset). */
  readonly fit: () => Promise<void>
}

/**
 * Keeps Rete in step with the history: every change is planned (`planSync`) and played onto
 * Rete, one plan at a time; a burst collapses into one pass. A load (reset) clears the
 * selection and frames the new document. Returns `ready` (resolves once the canvas shows the
 * history's current document) and `stop`.
 */
export function syncCanvas(options: SyncOptions) {
  const { editor, area, store, history, selector, selectable, fit } = options
  let shown: WorkflowDocument | undefined
  let framed = false
  let stopped = false
  let queue = Promise.resolve()

  function sync() {
    queue = queue.then(async () => {
      const next = history.doc
      if (next === shown || stopped) return
      const plan = planSync(shown, next)
      // The selector remembers the node a person last picked, and drags every selected node by
      // as much as that one moves. Moves made here are the document's: they move nothing else.
      selector.release()
      // The first load frames the document before drawing it, so nodes are drawn once, at the
      // level of detail of the zoom they will be seen at.
      if (!framed) {
        framed = true
        await fit()
      }
      shown = next
      const isSelected = (id: string) => editor.getNode(id)?.selected === true
      store.setDoc(next, isSelected)
      store.hold()
      try {
        for (const id of plan.removeEdges) {
          if (editor.getConnection(id)) await editor.removeConnection(id)
        }
        for (const id of plan.removeNodes) {
          // Unselected first, or the selector keeps it, and Delete or a drag reaches a node
          // that comes back with the same id.
          await selectable.unselect(id)
          if (editor.getNode(id)) await editor.removeNode(id)
          store.forgetPosition(id)
        }
        for (const node of plan.addNodes) {
          const shell: ReteNode = { id: node.id, label: node.type }
          await editor.addNode(shell)
          await area.translate(node.id, { x: node.position[0], y: node.position[1] })
        }
        for (const node of plan.moveNodes) {
          await area.translate(node.id, { x: node.position[0], y: node.position[1] })
        }
        for (const edge of plan.addEdges) {
          await editor.addConnection({
            id: edge.id,
            source: edge.from.node,
            sourceOutput: edge.from.port,
            target: edge.to.node,
            targetInput: edge.to.port,
          })
        }
      } finally {
        store.release()
      }
    })
    return queue
  }

  const unsubscribe = history.subscribe((_doc, change) => {
    if (change.source === 'reset') {
      // A load (or New) is another workflow: nothing in it is selected yet, and it is framed
      // as opening a file is. Unselecting now, not in the queue: a key pressed before the
      // pass runs must not act on the old selection.
      void selector.unselectAll()
      framed = false
    }
    void sync()
  })
  const first = sync()

  return {
    ready: () => first.then(() => queue),
    stop() {
      stopped = true
      unsubscribe()
    },
  }
}
