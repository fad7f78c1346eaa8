import type { WorkflowHistory } from '@shotchain/graph'
import type { Point } from '../model/geometry.ts'
import { marksNode } from '../model/issue-text.ts'
import { overlaps } from '../model/node-boxes.ts'
import { nodeBox, type Scene, type SceneNode } from '../model/scene.ts'
import { sceneIn } from '../model/scene-grid.ts'
import type { CanvasStore } from './canvas-store.ts'
import { createCulling } from './culling.ts'
import { createMapLayer } from './map-layer.ts'
import { mapPointer } from './map-pointer.ts'
import type { CanvasArea } from './rete-types.ts'

/** What the map needs of the canvas being made. */
export interface MapOptions {
  readonly container: HTMLElement
  readonly area: CanvasArea
  readonly store: CanvasStore
  readonly history: WorkflowHistory
  scene(): Scene
  size(): { width: number; height: number }
  toCanvas(clientX: number, clientY: number): [number, number]
  select(id: string, add: boolean): void
  selected(): readonly string[]
  /** A drag moved nodes: the moves become one undo entry. */
  commit(): void
  onDestroy(cleanup: () => void): () => void
}

/**
 * The canvas's map and culling (see `createMapLayer`, `createCulling`), kept up to date: a frame
 * is asked for whenever the views, the selection or the document change, and presses on nodes
 * the map draws select and drag them (`mapPointer`).
 */
export function attachMap(options: MapOptions) {
  const { container, area, store } = options
  const culling = createCulling(store)
  const issues = (id: string) => store.node(id)?.issues.some(marksNode) === true
  const layer = createMapLayer(container, area.area.content.holder, culling, {
    transform: () => area.area.transform,
    size: options.size,
    viewport: store.viewport,
    scene: options.scene,
    frame: () => ({
      position: store.position,
      displaced: store.displaced(),
      isSelected: (id) => store.node(id)?.selected === true,
      hasIssues: issues,
      runState: (id) => store.runStatus(id)?.state,
    }),
  })
  const stops = [
    store.subscribe('views', layer.request),
    store.subscribe('selection', layer.request),
    store.subscribe('runs', layer.request),
    options.history.subscribe(layer.request),
    mapPointer({
      container,
      nodeAt: (point) => nodeAt(options.scene(), point),
      toCanvas: options.toCanvas,
      zoom: () => area.area.transform.k,
      isSelected: (id) => store.node(id)?.selected === true,
      select: options.select,
      dragged: options.selected,
      moveTo: (id, at) => void area.translate(id, at),
      position: (id) => store.position(id) ?? area.nodeViews.get(id)?.position,
      commit: options.commit,
      onDestroy: options.onDestroy,
    }),
  ]

  /** The topmost node the map draws (the DOM does not show it) under `point`. */
  function nodeAt(scene: Scene, { x, y }: Point): string | undefined {
    const point = { left: x, top: y, right: x, bottom: y }
    let found: SceneNode | undefined
    for (const node of sceneIn(scene, point, store.displaced()).nodes) {
      if (culling.isShown(node.id) || !overlaps(nodeBox(node, store.position), point)) continue
      if (found === undefined || node.order > found.order) found = node
    }
    return found?.id
  }

  return {
    /** The node the map draws under this canvas point, if any (the DOM does not show it). */
    nodeAt: (point: Point) => nodeAt(options.scene(), point),
    /** Asks for a frame (a node moved). */
    request: layer.request,
    /** The view moved or zoomed. */
    moved: layer.moved,
    /** The view jumped (opened, fitted). */
    jumped: layer.jumped,
    destroy() {
      for (const stop of stops) stop()
      layer.destroy()
    },
  }
}

/** The map of one canvas (see `attachMap`). */
export type CanvasMap = ReturnType<typeof attachMap>
