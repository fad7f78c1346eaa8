import type { WorkflowDocument, WorkflowHistory } from '@shotchain/graph'
import { useSyncExternalStore } from 'react'

/** The history's current document; re-renders on every change (edit, undo, redo, reset). */
export function useHistoryDoc(history: WorkflowHistory): WorkflowDocument {
  return useSyncExternalStore(history.subscribe, () => history.doc)
}
