import type { Scene } from '../model/scene.ts'
import type { ViewList } from './view-list.ts'

/**
 * At most this many nodes are drawn by React for the first time in one frame: few while the view
 * moves (the frame is the gesture's), more once it is still.
 */
const MOUNTS_PER_FRAME = { moving: 2, still: 12 } as const

/** What culling needs of the canvas store. */
export interface CullingStore {
  views(): ViewList
  /** Whether a node is on screen or near it (a quarter screen of margin). */
  isVisible(id: string): boolean
  /** React draws these nodes and connections into their elements (and keeps them drawn). */
  setMounted(nodes: ReadonlySet<string>, connections: ReadonlySet<string>): void
}

/**
 * Which nodes and connections the DOM shows: the nodes on screen or near it, at or above the map
 * zoom, and the connections between two shown nodes; everything else is left to the map. A node
 * React has drawn once stays drawn, and leaving the view only hides its element
 * (`display: none`: out of layout, paint and hit testing). Nodes React has not drawn yet are
 * drawn a few a frame (`MOUNTS_PER_FRAME`); until then the map draws them.
 */
export function createCulling(store: CullingStore) {
  const shown = new Set<string>()
  const wiresShown = new Set<string>()
  let mountedNodes = new Set<string>()
  let mountedWires = new Set<string>()
  /** The element each id was last seen on, to hide a new element (a re-created view) at once. */
  const seen = new WeakSet<HTMLElement>()

  const setShown = (element: HTMLElement, on: boolean) => {
    element.style.display = on ? '' : 'none'
  }

  /**
   * Brings the DOM in line with the view: `map` is true below the map zoom, `moving` while the
   * view moves. Returns how many
   * nodes near the view are still waiting to be drawn (call again on the next frame).
   */
  function update(scene: Scene, map: boolean, moving: boolean): number {
    const { nodes, connections } = store.views()
    let budget = MOUNTS_PER_FRAME[moving ? 'moving' : 'still']
    let waiting = 0
    let nodesMounted = false
    let wiresMounted = false
    for (const [id, element] of nodes) {
      const isNew = !seen.has(element)
      if (isNew) seen.add(element)
      let want = !map && store.isVisible(id)
      if (want && !mountedNodes.has(id)) {
        if (budget > 0) {
          budget--
          if (!nodesMounted) mountedNodes = new Set(mountedNodes)
          mountedNodes.add(id)
          nodesMounted = true
        } else {
          waiting++
          want = false
        }
      }
      if (want === shown.has(id) && !isNew) continue
      if (want) shown.add(id)
      else shown.delete(id)
      setShown(element, want)
    }
    for (const id of shown) if (!nodes.has(id)) shown.delete(id)
    const wires = new Set<string>()
    for (const wire of scene.wires) {
      if (shown.has(wire.from) && shown.has(wire.to)) wires.add(wire.id)
    }
    for (const [id, element] of connections) {
      const isNew = !seen.has(element)
      if (isNew) seen.add(element)
      const want = wires.has(id)
      if (want && !mountedWires.has(id)) {
        if (!wiresMounted) mountedWires = new Set(mountedWires)
        mountedWires.add(id)
        wiresMounted = true
      }
      if (want === wiresShown.has(id) && !isNew) continue
      if (want) wiresShown.add(id)
      else wiresShown.delete(id)
      setShown(element, want)
    }
    for (const id of wiresShown) if (!connections.has(id)) wiresShown.delete(id)
    if (nodesMounted || wiresMounted) store.setMounted(mountedNodes, mountedWires)
    return waiting
  }

  return {
    update,
    /** Whether the DOM shows the node (else the map draws it). */
    isShown: (id: string) => shown.has(id),
    /** Whether the DOM shows the connection (else the map draws it). */
    isWireShown: (id: string) => wiresShown.has(id),
  }
}

/** The culling of one canvas (see `createCulling`). */
export type Culling = ReturnType<typeof createCulling>
