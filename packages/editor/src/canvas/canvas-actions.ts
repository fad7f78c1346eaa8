import type { GraphCommand } from '@shotchain/graph'
import { type Clip, copyNodes, pasteCommands, readClip } from '../model/clipboard.ts'
import { newEdgeId } from '../model/new-ids.ts'
import { newNodeCommand } from '../model/new-nodes.ts'
import { type LooseWire, wireDropCommands } from '../model/wire-drop.ts'
import { arrangeCommands } from './arrange.ts'
import type { Canvas } from './create-canvas.ts'

/**
 * The editing actions the menus, the palette and the keyboard share. Each is one history entry,
 * and each reports a refusal as the canvas notice instead of half-applying (`canvas.apply`).
 */
export function canvasActions(canvas: Canvas) {
  const { history, registry, views, store } = canvas
  /** This editor's last copy: what Paste uses when the page may not read the clipboard. */
  let clip: Clip | undefined
  const apply = (commands: readonly GraphCommand[], done?: () => void) => {
    if (commands.length > 0 && canvas.apply(commands)) done?.()
  }
  const pasteAt = (source: Clip, at: readonly [number, number]) => {
    const { commands, ids } = pasteCommands(history.doc, source, at, registry)
    apply(commands, () => void canvas.ready().then(() => canvas.select(ids)))
  }
  /** The clip on the system clipboard (none when it holds something else), else `clip`. */
  const clipToPaste = async (): Promise<Clip | undefined> => {
    let text: string
    try {
      text = await navigator.clipboard.readText()
    } catch {
      return clip
    }
    return readClip(text)
  }
  return {
    addNode(type: string, at: readonly [number, number]) {
      if (registry.get(type) === undefined) return
      const command = newNodeCommand(history.doc, registry, type, at)
      const { id } = command.node
      apply([command], () => void canvas.ready().then(() => canvas.select([id])))
    },
    /** Adds a node of `type` on the end of a dropped wire, connected: one undo entry. */
    addOnWire(type: string, wire: LooseWire, at: readonly [number, number]) {
      const drop = wireDropCommands(
        history.doc,
        registry,
        wire,
        type,
        { x: at[0], y: at[1] },
        newEdgeId(),
      )
      if (drop === undefined) {
        const side = wire.socket.side === 'output' ? 'input' : 'output'
        const title = registry.get(type)?.title ?? type
        store.setNotice(`Not added: ${title} has no ${wire.type} ${side} for this wire`)
        return
      }
      apply(drop.commands, () => void canvas.ready().then(() => canvas.select([drop.node])))
    },
    deleteSelected(ids: readonly string[] = canvas.selected()) {
      apply(ids.map((id): GraphCommand => ({ type: 'removeNode', id })))
    },
    /** Copies the nodes to the system clipboard; false (nothing written) when there are none. */
    copy(ids: readonly string[] = canvas.selected()): boolean {
      const copied = copyNodes(history.doc, ids)
      if (copied === undefined) return false
      clip = copied
      void navigator.clipboard?.writeText(JSON.stringify(copied)).catch(() => {})
      return true
    },
    async paste(at: readonly [number, number]) {
      const source = await clipToPaste()
      if (source) pasteAt(source, at)
    },
    duplicate(ids: readonly string[] = canvas.selected()) {
      const copied = copyNodes(history.doc, ids)
      if (copied === undefined) return
      const left = Math.min(...copied.nodes.map((n) => n.position[0]))
      const top = Math.min(...copied.nodes.map((n) => n.position[1]))
      pasteAt(copied, [left + 40, top + 40])
    },
    /** Lays the workflow out left to right (ELK), then frames it: one undo entry. */
    async arrange() {
      const laidOut = history.doc
      const moves = await arrangeCommands(laidOut, registry, views)
      // The layout is of the document as it was: an edit made meanwhile would be undone by it.
      if (history.doc !== laidOut) {
        store.setNotice('Not arranged: the workflow changed while it was being laid out')
        return
      }
      if (moves.length > 0 && !canvas.apply(moves)) return
      await canvas.ready()
      await canvas.fit()
    },
    undo: () => history.undo(),
    redo: () => history.redo(),
    /** The middle of what the view shows, in canvas coordinates. */
    viewCentre(): [number, number] {
      const rect = canvas.container.getBoundingClientRect()
      return canvas.toCanvas(rect.left + rect.width / 2, rect.top + rect.height / 2)
    },
  }
}

/** The editing actions of one canvas (see `canvasActions`). */
export type CanvasActions = ReturnType<typeof canvasActions>
