import type { Box } from '../model/bounds.ts'
import type { Point } from '../model/geometry.ts'
import { curveMeets, type Scene, wireEnds } from '../model/scene.ts'
import type { ViewList } from './view-list.ts'
import { nearBox } from './visibility.ts'

/**
 * At most this many nodes are drawn by React for the first time in one frame: none while the
 * view moves (the frame is the gesture's; the map draws them meanwhile), a dozen once it is still.
 */
const MOUNTS_PER_FRAME = { moving: 0, still: 12 } as const
/**
 * At most this many drawn but hidden nodes are shown in one frame: zooming in across the map
 * zoom would otherwise show hundreds in one long frame.
 */
const SHOWS_PER_FRAME = { moving: 8, still: 64 } as const

/** What culling needs of the canvas store. */
export interface CullingStore {
  views(): ViewList
  /** Whether a node is on screen or near it (a quarter screen of margin). */
  isVisible(id: string): boolean
  /** The part of the canvas on screen (undefined until known). */
  viewport(): Box | undefined
  /** A node's live position, if it has one. */
  position(id: string): Point | undefined
  /** Whether the DOM shows the node's card. */
  isShown(id: string): boolean
  setShown(id: string, on: boolean): void
  /** Drops the shown state of the nodes `gone` says are gone. */
  forgetShown(gone: (id: string) => boolean): void
  /** React draws these nodes and connections into their elements (and keeps them drawn). */
  setMounted(nodes: ReadonlySet<string>, connections: ReadonlySet<string>): void
}

/** What a culling pass left to do. */
export interface CullingLeft {
  /** Nodes near the view still waiting to be shown (the map draws them meanwhile). */
  readonly waiting: number
  /** Whether any node is not drawn by React yet (it is drawn in the background when still). */
  readonly more: boolean
}

/**
 * Which nodes and connections the DOM shows: the nodes on screen or near it, and the connections
 * whose curve can pass near it, unless the map draws the whole view; everything else is left to
 * the map. React draws the nodes near the view first, then, while the view is still, the others
 * in the background, a few a frame (`MOUNTS_PER_FRAME`); a drawn node stays drawn, and leaving
 * the view only hides its element (`display: none`: out of layout, paint and hit testing). The
 * node holding the keyboard focus is never hidden: hiding it would drop the focus mid-edit.
 */
export function createCulling(store: CullingStore) {
  const wiresShown = new Set<string>()
  let mountedNodes = new Set<string>()
  let mountedWires = new Set<string>()
  /** Elements already given their display: a new one (a re-created view) is set at once. */
  const seen = new WeakSet<HTMLElement>()
  /** The view list the sets were last pruned against. */
  let pruned: ViewList | undefined

  /** Forgets nodes and connections no longer on the canvas (deleted, another workflow opened). */
  const prune = ({ nodes, connections }: ViewList) => {
    const keep = (ids: Set<string>, on: ReadonlyMap<string, unknown>) =>
      new Set([...ids].filter((id) => on.has(id)))
    mountedNodes = keep(mountedNodes, nodes)
    mountedWires = keep(mountedWires, connections)
    for (const id of wiresShown) if (!connections.has(id)) wiresShown.delete(id)
    store.forgetShown((id) => !nodes.has(id))
    store.setMounted(mountedNodes, mountedWires)
  }

  /** Whether the node's box meets the view (at its live position). */
  const onScreen = (scene: Scene, id: string, view: Box | undefined) => {
    const node = scene.nodes.get(id)
    if (node === undefined || view === undefined) return true
    const { x, y } = store.position(id) ?? node
    return (
      x + node.width > view.left && x < view.right && y + node.height > view.top && y < view.bottom
    )
  }

  /** Shows or hides the element; true when it was not seen before or changed. */
  const show = (element: HTMLElement, on: boolean, was: boolean) => {
    if (on === was && seen.has(element)) return
    seen.add(element)
    element.style.display = on ? '' : 'none'
  }

  /**
   * Brings the DOM in line with the view: `map` is true while the map draws the whole view,
   * `moving` while the view moves, `pinned` the node holding the focus. Call again on the next
   * frame while anything is left.
   */
  function update(scene: Scene, map: boolean, moving: boolean, pinned?: string): CullingLeft {
    const views = store.views()
    if (views !== pruned) {
      pruned = views
      prune(views)
    }
    const { nodes, connections } = views
    const pace = moving ? 'moving' : 'still'
    let budget: number = MOUNTS_PER_FRAME[pace]
    let shows: number = SHOWS_PER_FRAME[pace]
    const mounting: string[] = []
    let waiting = 0
    let more = false
    for (const [id, element] of nodes) {
      let want = id === pinned || (!map && store.isVisible(id))
      if (want && !store.isShown(id)) {
        const mounted = mountedNodes.has(id)
        if (moving && !onScreen(scene, id, store.viewport())) {
          // Only near the screen: shown once the view is still, so a zoom out does not pay
          // for the margin frame by frame.
          more = true
          want = false
        } else if (shows > 0 && (mounted || budget > 0)) {
          shows--
          if (!mounted) {
            budget--
            mounting.push(id)
          }
        } else {
          waiting++
          want = false
        }
      }
      show(element, want, store.isShown(id))
      store.setShown(id, want)
    }
    for (const id of nodes.keys()) {
      if (mountedNodes.has(id) || mounting.includes(id)) continue
      if (moving || budget === 0) {
        more = true
        break
      }
      budget--
      mounting.push(id)
    }
    if (mounting.length > 0) mountedNodes = new Set([...mountedNodes, ...mounting])
    const wiresMounting: string[] = []
    const view = store.viewport()
    const near = view && nearBox(view)
    for (const wire of scene.wires) {
      const element = connections.get(wire.id)
      if (element === undefined) continue
      const drawable = mountedNodes.has(wire.from) && mountedNodes.has(wire.to)
      if (drawable && !mountedWires.has(wire.id)) wiresMounting.push(wire.id)
      const ends = drawable && !map && near ? wireEnds(scene, wire, store.position) : undefined
      const want = ends !== undefined && near !== undefined && curveMeets(ends[0], ends[1], near)
      show(element, want, wiresShown.has(wire.id))
      if (want) wiresShown.add(wire.id)
      else wiresShown.delete(wire.id)
    }
    if (wiresMounting.length > 0) mountedWires = new Set([...mountedWires, ...wiresMounting])
    if (mounting.length > 0 || wiresMounting.length > 0) {
      store.setMounted(mountedNodes, mountedWires)
    }
    return { waiting, more }
  }

  return {
    update,
    /** Whether the DOM shows the node (else the map draws it). */
    isShown: store.isShown,
    /** Whether the DOM shows the connection (else the map draws it). */
    isWireShown: (id: string) => wiresShown.has(id),
  }
}

/** The culling of one canvas (see `createCulling`). */
export type Culling = ReturnType<typeof createCulling>
