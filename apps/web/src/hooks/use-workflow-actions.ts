import { connectionIssues } from '@shotchain/editor'
import { createDocument, type Issue, type WorkflowDocument } from '@shotchain/graph'
import { useCallback, useMemo, useRef } from 'react'
import { importWorkflowFile } from '../files/import-workflow-file.ts'
import type { StoreImage } from '../files/workflow-bundle.ts'
import { uploadMedia } from '../media/upload-media.ts'
import { registry } from '../registry.ts'
import {
  hasUnsavedChanges,
  NEVER_SAVED,
  type SavedState,
  savedStateOf,
} from '../session/saved-state.ts'
import type { WorkflowStorage } from '../storage/workflow-storage.ts'
import type { Notices } from './use-notices.ts'
import type { OpenWorkflow } from './use-open-workflow.ts'
import type { WorkflowList } from './use-workflow-list.ts'

export interface WorkflowActions {
  /** Opens a saved workflow; `force` skips the question about unsaved changes. */
  openById(id: string, force?: boolean): Promise<void>
  newWorkflow(): void
  /**
   * Reads a workflow file (`.json`, or a `.zip` bundle with its images); a refused one shows its
   * issues and changes nothing. One whose name a saved workflow has asks: import it as a copy
   * under a new name, or in place of the saved one (replaced only once the person saves).
   */
  importFile(file: File): Promise<void>
  remove(id: string): Promise<void>
  rename(name: string): void
}

/** What the header and drops do to the open workflow and the saved ones. */
export function useWorkflowActions(
  storage: WorkflowStorage,
  open: OpenWorkflow,
  notices: Notices,
  list: WorkflowList,
): WorkflowActions {
  const { history, load, setSaved, current } = open
  const { show, clear } = notices
  // Each open, new or import takes a number; one that finishes waiting after a later one began
  // is dropped, so the person's last choice wins (a New clicked while the first workflow is
  // still loading is not replaced by it).
  const latest = useRef(0)

  /** Asks before unsaved changes are thrown away. Reads the latest state, never a render's. */
  const mayDiscard = useCallback(
    () =>
      !hasUnsavedChanges(current(), history.doc) ||
      window.confirm(`"${history.doc.name}" has unsaved changes. Discard them and continue?`),
    [current, history],
  )

  const openById = useCallback(
    async (id: string, force = false) => {
      if (!force && !mayDiscard()) return
      const asked = ++latest.current
      const opened = await storage.open(id)
      if (asked !== latest.current) return
      if (!opened.ok) {
        const { message } = opened.failure
        const details = opened.failure.kind === 'refused' ? opened.failure.issues : undefined
        show({ key: 'open', tone: 'error', text: `Could not open it: ${message}`, details })
        return
      }
      const saved = savedStateOf(opened.value)
      const refused = connectionIssues(opened.value.doc, registry)
      if (refused.length > 0) {
        // A stored workflow has no file to fix: offer to open it without those edges (unsaved).
        const { doc } = opened.value
        const count = refused.length === 1 ? 'an edge' : `${refused.length} edges`
        const openWithout = () => {
          clear()
          load(withoutEdgesOf(doc, refused), saved)
        }
        show({
          key: 'open',
          tone: 'error',
          text: `Not opened: "${doc.name}" has ${count} the editor refuses (below). Open it without them, then save to keep the fix.`,
          details: refused,
          actions: [{ label: 'Open without them', run: openWithout }],
        })
        return
      }
      clear()
      load(opened.value.doc, saved)
    },
    [storage, mayDiscard, load, show, clear],
  )

  const newWorkflow = useCallback(() => {
    if (!mayDiscard()) return
    latest.current++
    clear()
    load(createDocument('Untitled'), NEVER_SAVED)
  }, [mayDiscard, load, clear])

  const { workflows, refresh } = list
  const importFile = useCallback(
    async (file: File) => {
      const asked = ++latest.current
      const read = await importWorkflowFile(
        file,
        registry,
        storage.kind === 'server' ? storeImage : undefined,
      )
      if (asked !== latest.current) return
      if (!read.ok) {
        show({ key: 'import', tone: 'error', text: read.message, details: read.issues })
        return
      }
      if (!mayDiscard()) return
      const { doc, warnings } = read
      const dropped = warnings.length > 0 ? ' Some fields were dropped (below).' : ''
      const tone = warnings.length > 0 ? ('warning' as const) : ('info' as const)
      const finish = (next: WorkflowDocument, saved: SavedState, text: string) => {
        clear()
        load(next, NEVER_SAVED)
        // In place of a saved one: based on its revision, and unsaved until the person saves.
        if (saved.id !== undefined) setSaved(saved)
        show({ key: 'import', tone, text: `${text}${dropped}`, details: warnings })
      }
      const from = `Imported "${doc.name}" from ${file.name}.`
      // Listed now, not as of the last render: another tab may have saved one meanwhile.
      const saved = (await refresh()) ?? workflows ?? []
      if (asked !== latest.current) return
      const names = new Set(saved.map((w) => w.name))
      const taken = saved.find((w) => w.name === doc.name)
      if (taken === undefined) {
        finish(doc, NEVER_SAVED, `${from} It is not saved yet: Save to keep it.`)
        return
      }
      const copy = freeName(doc.name, names)
      show({
        key: 'import',
        tone: 'warning',
        text: `A saved workflow is already named "${doc.name}". Import ${file.name} as a copy named "${copy}", or in place of the saved one (it is replaced only when you save)?`,
        actions: [
          {
            label: `Import as "${copy}"`,
            run: () =>
              finish(
                { ...doc, name: copy },
                NEVER_SAVED,
                `${from} as "${copy}". It is not saved yet: Save to keep it.`,
              ),
          },
          {
            label: `Replace "${doc.name}"`,
            run: () =>
              finish(
                doc,
                { id: taken.id, revision: taken.revision, doc: undefined },
                `${from} in place of the saved one: Save to replace it, or open the saved one to keep it.`,
              ),
          },
        ],
      })
    },
    [storage, mayDiscard, load, setSaved, show, clear, refresh, workflows],
  )

  const remove = useCallback(
    async (id: string) => {
      const name = workflows?.find((w) => w.id === id)?.name ?? id
      if (!window.confirm(`Delete "${name}"? This cannot be undone.`)) return
      const removed = await storage.remove(id)
      if (!removed.ok) {
        show({ key: 'delete', tone: 'error', text: `Not deleted: ${removed.failure.message}` })
        return
      }
      if (current().id === id) {
        // Kept on the canvas as unsaved: a delete of the open workflow is one Save from undone.
        setSaved(NEVER_SAVED)
        show({
          key: 'delete',
          tone: 'info',
          text: `Deleted "${name}". It is still open here: Save to keep it as a new workflow.`,
        })
      }
      void refresh()
    },
    [storage, workflows, refresh, current, setSaved, show],
  )

  const rename = useCallback(
    (name: string) => {
      const trimmed = name.trim()
      if (trimmed === '' || trimmed === history.doc.name) return
      history.apply({ type: 'rename', name: trimmed })
    },
    [history],
  )

  return useMemo(
    () => ({ openById, newWorkflow, importFile, remove, rename }),
    [openById, newWorkflow, importFile, remove, rename],
  )
}

/** The document without the edges the issues point at (`edges[3]…` paths). */
function withoutEdgesOf(doc: WorkflowDocument, issues: readonly Issue[]): WorkflowDocument {
  const bad = new Set(
    issues.flatMap((issue) => {
      const index = /^edges\[(\d+)\]/.exec(issue.path)?.[1]
      return index === undefined ? [] : [Number(index)]
    }),
  )
  return { ...doc, edges: doc.edges.filter((_, k) => !bad.has(k)) }
}

/** `name (2)`, `name (3)`…: the first that no saved workflow has. */
function freeName(name: string, taken: ReadonlySet<string>): string {
  for (let k = 2; ; k++) {
    const candidate = `${name} (${k})`
    if (!taken.has(candidate)) return candidate
  }
}

/** Stores an image of an imported bundle on the server: its new path. */
const storeImage: StoreImage = async (name, bytes) => {
  const uploaded = await uploadMedia(new File([bytes as Uint8Array<ArrayBuffer>], name))
  return uploaded.ok ? { ok: true, path: uploaded.media.path } : uploaded
}
