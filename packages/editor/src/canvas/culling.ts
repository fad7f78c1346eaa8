import type { Box } from '../model/bounds.ts'
import type { Point } from '../model/geometry.ts'
import { nodeBox, type Scene } from '../model/scene.ts'
import { sceneIn } from '../model/scene-grid.ts'
import { nearBox } from './near-box.ts'
import type { ViewList } from './view-list.ts'
import { createWireCulling, display, hide } from './wire-culling.ts'

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
  /** The part of the canvas on screen (undefined until known). */
  viewport(): Box | undefined
  /** A node's live position, if it has one. */
  position(id: string): Point | undefined
  /** The nodes drawn away from their document position (checked by id, not by the grid). */
  displaced(): ReadonlySet<string>
  /** Whether the DOM shows the node's card. */
  isShown(id: string): boolean
  /** The nodes whose cards the DOM shows. */
  shownNodes(): ReadonlySet<string>
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
 * A pass looks at what the scene's grid finds near the view, what is shown and what is being
 * dragged: its work grows with the view, not with the document.
 */
export function createCulling(store: CullingStore) {
  const wires = createWireCulling()
  let mountedNodes = new Set<string>()
  /** The view list last seen, and its nodes in order for drawing far cards in the background. */
  let known: ViewList | undefined
  let order: string[] = []
  let cursor = 0

  /** A new view list: forget what left, hide new elements, draw wires both of whose nodes are. */
  const renew = (views: ViewList, scene: Scene) => {
    const { nodes, connections } = views
    mountedNodes = new Set([...mountedNodes].filter((id) => nodes.has(id)))
    store.forgetShown((id) => !nodes.has(id))
    for (const [id, element] of nodes) if (!store.isShown(id)) hide(element)
    wires.renew(connections, scene, mountedNodes)
    order = [...nodes.keys()]
    cursor = 0
    store.setMounted(mountedNodes, wires.mounted())
  }

  /** Whether the node's box, at its live position, shares area with `box` (touching is not). */
  const meets = (scene: Scene, id: string, box: Box) => {
    const node = scene.nodes.get(id)
    if (node === undefined) return false
    const b = nodeBox(node, store.position)
    return b.right > box.left && b.left < box.right && b.bottom > box.top && b.top < box.bottom
  }

  /**
   * Brings the DOM in line with the view: `map` is true while the map draws the whole view,
   * `moving` while the view moves, `pinned` the node holding the focus. Call again on the next
   * frame while anything is left.
   */
  function update(scene: Scene, map: boolean, moving: boolean, pinned?: string): CullingLeft {
    const views = store.views()
    if (views !== known) {
      known = views
      renew(views, scene)
    }
    const { nodes, connections } = views
    const view = store.viewport()
    const near = view && nearBox(view)
    const found = near && sceneIn(scene, near, store.displaced())
    const candidates = new Set(found ? [...found.nodes].map((n) => n.id) : nodes.keys())
    for (const id of store.shownNodes()) candidates.add(id)
    if (pinned !== undefined) candidates.add(pinned)

    const pace = moving ? 'moving' : 'still'
    let budget: number = MOUNTS_PER_FRAME[pace]
    let shows: number = SHOWS_PER_FRAME[pace]
    const mounting: string[] = []
    let waiting = 0
    let more = false
    for (const id of candidates) {
      const element = nodes.get(id)
      if (element === undefined) continue
      let want = id === pinned || (!map && (near === undefined || meets(scene, id, near)))
      if (want && !store.isShown(id)) {
        const mounted = mountedNodes.has(id)
        if (moving && view !== undefined && !meets(scene, id, view)) {
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
      if (want !== store.isShown(id)) display(element, want)
      store.setShown(id, want)
    }
    // The far cards, in the background while the view is still.
    while (!moving && budget > 0 && cursor < order.length) {
      const id = order[cursor++] ?? ''
      if (mountedNodes.has(id) || mounting.includes(id) || !nodes.has(id)) continue
      budget--
      mounting.push(id)
    }
    if (cursor < order.length) more = true

    let wiresMounted = false
    if (mounting.length > 0) {
      mountedNodes = new Set([...mountedNodes, ...mounting])
      wiresMounted = wires.mountAt(mounting, scene, mountedNodes)
    }
    const nearWires = map ? [] : found ? found.wires : scene.wires
    wires.cull(scene, connections, nearWires, map ? undefined : near, store.position)
    if (mounting.length > 0 || wiresMounted) store.setMounted(mountedNodes, wires.mounted())
    return { waiting, more }
  }

  return {
    update,
    /** Whether the DOM shows the node (else the map draws it). */
    isShown: store.isShown,
    /** Whether the DOM shows the connection (else the map draws it). */
    isWireShown: wires.isShown,
  }
}

/** The culling of one canvas (see `createCulling`). */
export type Culling = ReturnType<typeof createCulling>
