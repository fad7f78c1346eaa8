import type { GraphCommand } from '@shotchain/graph'
import { createContext, useContext } from 'react'
import type { Canvas } from '../canvas/create-canvas.ts'
import type { NodeViewEditor } from '../views/node-view.ts'

/** What node components reach through React context (one React tree draws the whole canvas). */
export interface EditorContextValue {
  readonly canvas: Canvas
  /** Applies commands to the history; a merge key folds a burst (typing) into one undo entry. */
  readonly apply: (commands: GraphCommand | readonly GraphCommand[], mergeKey?: string) => void
  readonly imageUrl: (params: Readonly<Record<string, unknown>>) => string | undefined
  /** What node bodies are handed: `apply`, the document, the registry and `imageUrl`. */
  readonly nodeEditor: NodeViewEditor
}

/** Provided by `<WorkflowEditor>` once its canvas is up; null outside it. */
export const EditorContext = createContext<EditorContextValue | null>(null)

/**
 * The editor a component is drawn in: its canvas, `apply` and `imageUrl`.
 * @throws Error when called outside `<WorkflowEditor>` (a bug).
 */
export function useEditor(): EditorContextValue {
  const value = useContext(EditorContext)
  if (value === null) throw new Error('useEditor outside <WorkflowEditor>')
  return value
}
