import { useCallback, useRef, useState } from 'react'
import { saveWorkflow } from '../session/saved-state.ts'
import type { StorageFailure, WorkflowStorage } from '../storage/workflow-storage.ts'
import type { Notices } from './use-notices.ts'
import type { OpenWorkflow } from './use-open-workflow.ts'
import type { WorkflowList } from './use-workflow-list.ts'

export interface SaveControl {
  readonly saving: boolean
  /** Saves the open workflow (creates it when never saved); ignored while a save is under way. */
  save(): Promise<void>
}

/** Save, with its failures as notices: a conflict offers Reload or Keep mine. */
export function useSave(
  storage: WorkflowStorage,
  open: OpenWorkflow,
  notices: Notices,
  list: WorkflowList,
  reload: (id: string) => void,
): SaveControl {
  const [saving, setSaving] = useState(false)
  const busy = useRef(false)
  // A save asked for while one is under way waits for it (Run saves first, then starts).
  const inFlight = useRef<Promise<void>>(Promise.resolve())
  const { history, current, setSaved, generation } = open
  const { show, dismiss } = notices
  const { refresh } = list

  const run = useCallback(
    async (basedOn?: number): Promise<void> => {
      const state = current()
      const doc = history.doc
      if (busy.current) return inFlight.current
      if (basedOn === undefined && state.id !== undefined && state.doc === doc) return
      busy.current = true
      let done = () => {}
      inFlight.current = new Promise<void>((resolve) => {
        done = resolve
      })
      setSaving(true)
      const loaded = generation()
      const outcome = await saveWorkflow(storage, state, doc, basedOn)
      busy.current = false
      // Waiters go on once the outcome is recorded (queued behind this synchronous part).
      queueMicrotask(done)
      setSaving(false)
      // Another workflow was opened while this one saved: the save happened, the canvas moved on.
      if (loaded !== generation()) return void refresh()
      setSaved(outcome.state)
      if (outcome.ok) {
        dismiss('save')
        dismiss('import')
        void refresh()
        return
      }
      show(saveFailureNotice(outcome.failure, state.id, reload, run))
    },
    [storage, history, current, setSaved, generation, show, dismiss, refresh, reload],
  )

  return { saving, save: useCallback(() => run(), [run]) }
}

function saveFailureNotice(
  failure: StorageFailure,
  id: string | undefined,
  reload: (id: string) => void,
  saveOn: (revision: number) => Promise<void>,
) {
  const text = `Not saved: ${failure.message}`
  switch (failure.kind) {
    case 'conflict':
      return {
        key: 'save',
        tone: 'warning' as const,
        text: `Not saved: someone saved this workflow after you opened it (revision ${failure.revision}). Reload theirs (your changes are lost), or keep yours (theirs are replaced).`,
        actions: [
          ...(id === undefined ? [] : [{ label: 'Reload theirs', run: () => reload(id) }]),
          { label: 'Keep mine', run: () => void saveOn(failure.revision) },
        ],
      }
    case 'refused':
      return { key: 'save', tone: 'error' as const, text, details: failure.issues }
    case 'not-found':
    case 'unavailable':
      return { key: 'save', tone: 'error' as const, text }
  }
}
