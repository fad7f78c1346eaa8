import type { AddNodeCommand, GraphCommand } from '@shotchain/graph'
import type { Box } from '../model/bounds.ts'
import { type Clip, copyNodes, pasteCommands, readClip } from '../model/clipboard.ts'
import { boxAround, freeSpot, PLACE_GAP, type Size, spotBeside } from '../model/free-spot.ts'
import { newEdgeId } from '../model/new-ids.ts'
import { newNodeCommand } from '../model/new-nodes.ts'
import { nodeBoxes, overlaps } from '../model/node-boxes.ts'
import { nodeSize } from '../model/node-size.ts'
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
  const boxes = () => nodeBoxes(history.doc, registry, views)
  const viewCentre = (): [number, number] => {
    const rect = canvas.container.getBoundingClientRect()
    return canvas.toCanvas(rect.left + rect.width / 2, rect.top + rect.height / 2)
  }
  /** The first spot from `at` where a box of `size` covers no node (`freeSpot`). */
  const place = (at: readonly [number, number], size: Size) => freeSpot(boxes().values(), at, size)
  /** The size a new node will be drawn at. */
  const sizeOf = (command: AddNodeCommand) =>
    nodeSize(command.node, registry.get(command.node.type), [], views)
  /** The clip's nodes, their top-left corner at `at` or the first free spot right of it. */
  const pasteAt = (source: Clip, at: readonly [number, number]) => {
    const drawn = { ...history.doc, nodes: source.nodes, edges: source.edges }
    const own = boxAround(
      nodeBoxes(drawn, registry, views),
      source.nodes.map((n) => n.id),
    )
    // Whole pixels, as a node added or dragged: the saved file stays readable.
    const corner: [number, number] = [Math.round(at[0]), Math.round(at[1])]
    const spot = own
      ? place(corner, { width: own.right - own.left, height: own.bottom - own.top })
      : corner
    const { commands, ids } = pasteCommands(history.doc, source, spot, registry)
    apply(commands, () => void canvas.ready().then(() => canvas.select(ids)))
  }
  /** Adds a node of `type` at the spot `from` gives for its size, or the first free one right. */
  const add = (type: string, from: (size: Size) => readonly [number, number]) => {
    if (registry.get(type) === undefined) return
    const sized = newNodeCommand(history.doc, registry, type, [0, 0])
    const made = newNodeCommand(history.doc, registry, type, from(sizeOf(sized)))
    const command = {
      ...made,
      node: { ...made.node, position: place(made.node.position, sizeOf(made)) },
    }
    const { id } = command.node
    apply([command], () => void canvas.ready().then(() => canvas.select([id])))
  }
  /** The copied nodes, where they still are in the document and on screen. */
  const originalsInView = (source: Clip): Box | undefined => {
    const same = source.nodes.filter((n) => {
      const now = history.doc.nodes.find((m) => m.id === n.id)
      return now?.position[0] === n.position[0] && now.position[1] === n.position[1]
    })
    const box = boxAround(
      boxes(),
      same.map((n) => n.id),
    )
    const view = store.viewport()
    return box && view && overlaps(box, view) ? box : undefined
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
    /**
     * Adds a node of `type` with its corner at `at` (a point the person chose), moved right as
     * far as needed to cover no node; it is selected and brought into view.
     */
    addNode(type: string, at: readonly [number, number]) {
      add(type, () => at)
    },
    /**
     * Adds a node of `type` where the person is looking: beside the nodes `beside` (on their
     * right, at their top) when there are any, else centred in the view; moved right as far as
     * needed to cover no node, selected and brought into view.
     */
    addNodeInView(type: string, beside: readonly string[]) {
      const near = boxAround(boxes(), beside)
      add(type, (size) => {
        if (near) return [near.right + PLACE_GAP, near.top]
        const [x, y] = viewCentre()
        return [x - size.width / 2, y - size.height / 2]
      })
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
      // The socket lands on the drop point, unless the node would cover another one there.
      const commands = drop.commands.map((c) =>
        c.type === 'addNode'
          ? { ...c, node: { ...c.node, position: place(c.node.position, sizeOf(c)) } }
          : c,
      )
      apply(commands, () => void canvas.ready().then(() => canvas.select([drop.node])))
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
    /**
     * Pastes the clip at `at`; with `besideOriginals`, beside the copied nodes instead when they
     * are still on screen (as a design tool pastes). Moved right to cover no node. The clip is
     * read from `text` when given (a paste event's), else from the system clipboard.
     */
    async paste(at: readonly [number, number], besideOriginals = false, text?: string) {
      // Text from a paste event: copied nodes, or nothing; none at all: this editor's copy.
      const source = text === undefined ? await clipToPaste() : text === '' ? clip : readClip(text)
      if (source === undefined) return
      const originals = besideOriginals ? originalsInView(source) : undefined
      pasteAt(source, originals ? [originals.right + PLACE_GAP, originals.top] : at)
    },
    /** Copies of the nodes beside them, on their right, covering no node; brought into view. */
    duplicate(ids: readonly string[] = canvas.selected()) {
      const copied = copyNodes(history.doc, ids)
      const spot = spotBeside(boxes(), ids)
      if (copied === undefined || spot === undefined) return
      pasteAt(copied, spot)
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
    viewCentre,
  }
}

/** The editing actions of one canvas (see `canvasActions`). */
export type CanvasActions = ReturnType<typeof canvasActions>
