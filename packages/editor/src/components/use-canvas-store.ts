import { useCallback, useSyncExternalStore } from 'react'
import type { CanvasTopic } from '../canvas/canvas-store.ts'
import type { NodeSnapshot } from '../canvas/node-snapshots.ts'
import type { NodeRunStatus } from '../editor-props.ts'
import type { Point } from '../model/geometry.ts'
import { useEditor } from './editor-context.ts'

/** One node's snapshot; the component redraws only when that node changes. */
export function useNodeSnapshot(id: string): NodeSnapshot | undefined {
  const { store } = useEditor().canvas
  const subscribe = useCallback((l: () => void) => store.onNode(id, l), [store, id])
  return useSyncExternalStore(subscribe, () => store.node(id))
}

/** The node's state in the run the app shows. */
export function useNodeRunStatus(id: string): NodeRunStatus | undefined {
  const { store } = useEditor().canvas
  const subscribe = useCallback((l: () => void) => store.onRunStatus(id, l), [store, id])
  return useSyncExternalStore(subscribe, () => store.runStatus(id))
}

/** A node's live position on the canvas (it moves during a drag before the document does). */
export function useNodePosition(id: string): Point | undefined {
  const { store } = useEditor().canvas
  const subscribe = useCallback((l: () => void) => store.onPosition(id, l), [store, id])
  return useSyncExternalStore(subscribe, () => store.position(id))
}

const ignore = () => () => {}

/**
 * Whether the DOM shows the node's card (it is near the view); `listen` false stops following it
 * (and says true). Culling shows a few cards a frame, so few cards render per frame.
 */
export function useNodeShown(id: string, listen: boolean): boolean {
  const { store } = useEditor().canvas
  const subscribe = useCallback(
    (l: () => void) => (listen ? store.onShown(id, l) : ignore()),
    [store, id, listen],
  )
  return useSyncExternalStore(subscribe, () => !listen || store.isShown(id))
}

/**
 * A canvas-wide value: the view list, level of detail, the notice, the dragged connection, the
 * viewport. `read` must return the same value until the topic changes.
 */
export function useCanvasTopic<T>(topic: CanvasTopic, read: () => T): T {
  const { store } = useEditor().canvas
  const subscribe = useCallback((l: () => void) => store.subscribe(topic, l), [store, topic])
  return useSyncExternalStore(subscribe, read)
}
