import type { Box } from '../model/bounds.ts'
import type { Scene } from '../model/scene.ts'
import type { Culling } from './culling.ts'
import { type MapColours, type MapFrame, paintPicture, pictureOf } from './map-paint.ts'
import { createMotion } from './motion.ts'

/**
 * Below this zoom a large workflow is drawn as the map: its nodes are boxes on one `<canvas>`,
 * not DOM (node text is far below legible there).
 */
export const MAP_ZOOM = 0.25
/**
 * A workflow of at most this many nodes keeps its DOM cards at every zoom: even all on screen
 * they draw within a frame (300 nodes measured at the frame floor before the map).
 */
export const MAP_MIN_NODES = 200

/** What the map layer reads of the canvas each frame. */
export interface MapSource {
  /** The view: a canvas point `c` is drawn at `(x, y) + k·c`. */
  transform(): { x: number; y: number; k: number }
  /** The canvas element's size, CSS px. */
  size(): { width: number; height: number }
  /** The part of the canvas on screen, in canvas coordinates (the store's). */
  viewport(): Box | undefined
  scene(): Scene
  frame(): Omit<MapFrame, 'scene' | 'view' | 'isShown' | 'isWireShown'>
}

/** Run states with a colour of their own (`--sc-run-…`, the run badges'). */
const RUN_STATES = ['running', 'succeeded', 'cached', 'failed', 'skipped', 'invalid', 'stale']

/** Reads the stylesheet's colours (custom properties on `element`) for the map. */
function coloursOf(element: HTMLElement): MapColours {
  const style = getComputedStyle(element)
  const read = (name: string) => style.getPropertyValue(name).trim() || '#888'
  return {
    card: read('--sc-card'),
    header: read('--sc-card-header'),
    line: read('--sc-line'),
    highlight: read('--sc-highlight'),
    danger: read('--sc-danger'),
    wire: read('--sc-wire'),
    runs: Object.fromEntries(
      RUN_STATES.map((state) => [state, read(`--sc-run-${state}`)] as const),
    ),
    types: {
      image: read('--sc-type-image'),
      video: read('--sc-type-video'),
      audio: read('--sc-type-audio'),
      text: read('--sc-type-text'),
    },
  }
}

/**
 * The map under the DOM nodes: a `<canvas>` the size of the view that draws, once per frame in
 * which something asked (`request`), whatever the DOM does not show — every node of a large
 * workflow below `MAP_ZOOM`, and otherwise the nodes still waiting to be shown and the wires to
 * nodes not drawn yet. The same frame brings the DOM in line with the view (`culling`). A
 * frame's work grows with what is on screen: the DOM holds only what is near the view.
 */
export function createMapLayer(
  container: HTMLElement,
  content: HTMLElement,
  culling: Culling,
  source: MapSource,
) {
  const canvas = document.createElement('canvas')
  canvas.className = 'sc-map'
  canvas.dataset.testid = 'canvas-map'
  canvas.setAttribute('aria-hidden', 'true')
  container.prepend(canvas)
  const ctx = canvas.getContext('2d')
  let colours: MapColours | undefined
  let scheduled = 0
  let blank = true
  let destroyed = false
  const motion = createMotion(content, () => request())

  function paint(scene: Scene) {
    if (ctx === null) return
    const { x, y, k } = source.transform()
    const { width, height } = source.size()
    const view = source.viewport()
    if (view === undefined) return
    const picture = pictureOf({
      ...source.frame(),
      scene,
      view,
      isShown: culling.isShown,
      isWireShown: culling.isWireShown,
    })
    const empty = picture.cards.length === 0 && picture.wireCount === 0
    // What it drew, for tests and the benchmark (written only when it changes).
    const nodes = String(picture.cards.length)
    const wires = String(picture.wireCount)
    if (canvas.dataset.nodes !== nodes) canvas.dataset.nodes = nodes
    if (canvas.dataset.wires !== wires) canvas.dataset.wires = wires
    if (empty && blank) return
    const ratio = devicePixelRatio
    const w = Math.round(width * ratio)
    const h = Math.round(height * ratio)
    if (canvas.width !== w || canvas.height !== h) {
      canvas.width = w
      canvas.height = h
    } else {
      ctx.setTransform(1, 0, 0, 1, 0, 0)
      ctx.clearRect(0, 0, w, h)
    }
    blank = empty
    if (empty) return
    colours ??= coloursOf(container)
    ctx.setTransform(ratio * k, 0, 0, ratio * k, ratio * x, ratio * y)
    paintPicture(ctx, picture, colours, 1 / k)
  }

  function run() {
    scheduled = 0
    if (destroyed) return
    const scene = source.scene()
    const moving = motion.isMoving()
    const left = culling.update(scene, isMap(scene), moving, focusedNode())
    const waiting = String(left.waiting)
    if (canvas.dataset.waiting !== waiting) canvas.dataset.waiting = waiting
    paint(scene)
    if (left.waiting > 0 || left.more) request()
  }

  /** The node whose card holds the keyboard focus, if any. */
  function focusedNode(): string | undefined {
    const focused = document.activeElement
    if (!focused || !container.contains(focused)) return undefined
    return focused.closest<HTMLElement>('[data-node-id]')?.dataset.nodeId
  }

  /** Whether the map draws the whole view (a large workflow, zoomed out). */
  function isMap(scene: Scene) {
    return source.transform().k < MAP_ZOOM && scene.nodes.size > MAP_MIN_NODES
  }

  /** Asks for a frame: the view, the document, a position or the selection changed. */
  function request() {
    if (scheduled === 0 && !destroyed) scheduled = requestAnimationFrame(run)
  }

  return {
    request,
    /** The view moved or zoomed: a frame, and fewer new nodes per frame for a while. */
    moved() {
      motion.moved(!isMap(source.scene()))
      request()
    },
    /** The view jumped (opened, fitted): not a gesture, so nodes are drawn at full pace. */
    jumped: motion.jumped,
    destroy() {
      destroyed = true
      motion.destroy()
      cancelAnimationFrame(scheduled)
      canvas.remove()
    },
  }
}
