import {
  createDocument,
  createHistory,
  type WorkflowDocument,
  type WorkflowHistory,
} from '@shotchain/graph'
import { useCallback, useMemo, useRef, useState } from 'react'
import { writeHashId } from '../session/location-hash.ts'
import { hasUnsavedChanges, NEVER_SAVED, type SavedState } from '../session/saved-state.ts'
import { useHistoryDoc } from './use-history-doc.ts'

/** The workflow on the canvas: its history, its document, and what of it is saved. */
export interface OpenWorkflow {
  /** One history for the page; each load resets it. */
  readonly history: WorkflowHistory
  readonly doc: WorkflowDocument
  readonly saved: SavedState
  /** Whether the document changed since it was loaded or saved (closing it would lose that). */
  readonly dirty: boolean
  /** The saved state as of now, for async work that must not read a stale render's. */
  current(): SavedState
  /** Puts `doc` on the canvas (forgetting undo); `saved.doc` is ignored: `doc` is the baseline. */
  load(doc: WorkflowDocument, saved: SavedState): void
  /** Records a save or a delete without touching the canvas. */
  setSaved(saved: SavedState): void
  /** Counts loads: async work started before a load must not land in the next workflow. */
  generation(): number
}

/** Holds the open workflow; starts with an empty, never-saved one. */
export function useOpenWorkflow(): OpenWorkflow {
  const [history] = useState(() => createHistory(createDocument('Untitled')))
  const doc = useHistoryDoc(history)
  const [saved, setSavedState] = useState<SavedState>(() => ({ ...NEVER_SAVED, doc: history.doc }))
  const savedRef = useRef(saved)
  const generationRef = useRef(0)

  const setSaved = useCallback((next: SavedState) => {
    savedRef.current = next
    setSavedState(next)
    writeHashId(next.id)
  }, [])

  const load = useCallback(
    (next: WorkflowDocument, state: SavedState) => {
      generationRef.current += 1
      history.reset(next)
      // What was loaded is the baseline: a new or imported workflow is unchanged until edited.
      setSaved({ ...state, doc: history.doc })
    },
    [history, setSaved],
  )

  // Compared by content when not the same object: once per change, not per render.
  const dirty = useMemo(() => hasUnsavedChanges(saved, doc), [saved, doc])

  return {
    history,
    doc,
    saved,
    dirty,
    current: useCallback(() => savedRef.current, []),
    load,
    setSaved,
    generation: useCallback(() => generationRef.current, []),
  }
}
