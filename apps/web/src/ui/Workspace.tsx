import { type EditorApi, WorkflowEditor } from '@shotchain/editor'
import type { GraphCommand } from '@shotchain/graph'
import { useCallback, useState } from 'react'
import { downloadWorkflow } from '../files/download-workflow.ts'
import { useDropFiles } from '../hooks/use-drop-files.ts'
import { useLeaveWarning } from '../hooks/use-leave-warning.ts'
import { useNotices } from '../hooks/use-notices.ts'
import { useOpenWorkflow } from '../hooks/use-open-workflow.ts'
import { useSave } from '../hooks/use-save.ts'
import { useStartup } from '../hooks/use-startup.ts'
import { useWorkflowActions } from '../hooks/use-workflow-actions.ts'
import { useWorkflowList } from '../hooks/use-workflow-list.ts'
import { mediaUrlOf } from '../media/media-url.ts'
import { AddModelById } from '../models/AddModelById.tsx'
import { nodeViews } from '../node-views.ts'
import { registry } from '../registry.ts'
import { useRunPage } from '../run/use-run-page.ts'
import type { Backend } from '../storage/choose-storage.ts'
import { Header } from './Header.tsx'
import { NoticeBar } from './NoticeBar.tsx'
import { RunDock } from './RunDock.tsx'
import { Timeline } from './Timeline.tsx'

const NEEDS_SERVER =
  'Runs need the Shotchain server (`pnpm start`): it talks to fal and keeps the results. Without it, Export the workflow and run it with `pnpm shotchain run <file>.json`.'

/** The page once it knows where it saves: the header over the editor, and the notices. */
export function Workspace({ backend }: { readonly backend: Backend }) {
  const { storage, server } = backend
  const notices = useNotices()
  const open = useOpenWorkflow()
  const list = useWorkflowList(storage, notices)
  const actions = useWorkflowActions(storage, open, notices, list)
  const reload = useCallback((id: string) => void actions.openById(id, true), [actions])
  const { save, saving } = useSave(storage, open, notices, list, reload)
  const onDropFiles = useDropFiles(server !== undefined, open, actions, notices)
  const { show } = notices
  const saveFirst = useCallback(async () => {
    await save()
    const state = open.current()
    return state.id !== undefined && state.doc === open.history.doc ? state.id : undefined
  }, [save, open])
  const [selection, setSelection] = useState<readonly string[]>([])
  const runs = useRunPage(
    server ? open.saved.id : undefined,
    open.doc,
    registry,
    saveFirst,
    selection,
  )
  const { start } = runs
  const onRun = useCallback(
    (selected: readonly string[]) => {
      if (!server) return show({ key: 'run', tone: 'info', text: NEEDS_SERVER })
      const problem = start(selected)
      if (problem) show({ key: 'run', tone: 'error', text: problem })
    },
    [server, start, show],
  )
  const onReady = useCallback(
    (api: EditorApi) => {
      runs.editor.current = api
    },
    [runs.editor],
  )
  const onSave = useCallback(() => {
    // Ctrl+S in the name field: commit the name first, so the save includes it.
    if (document.activeElement instanceof HTMLInputElement) document.activeElement.blur()
    void save()
  }, [save])
  const exportOpen = useCallback(async () => {
    const failed = await downloadWorkflow(open.history.doc, registry)
    if (failed) show({ key: 'export', tone: 'error', text: `Not exported: ${failed}` })
  }, [open.history, show])
  // The timeline's edits (a take picked, a trim, a transition): undoable, as the canvas's are.
  const { history } = open
  const onTimelineEdit = useCallback(
    (command: GraphCommand, mergeKey?: string) => {
      const applied = history.apply(command, mergeKey ? { mergeKey, registry } : { registry })
      if (!applied.ok)
        show({ key: 'timeline', tone: 'error', text: applied.issues[0]?.message ?? 'Not applied' })
    },
    [history, show],
  )
  useStartup(list, actions, notices)
  useLeaveWarning(open.dirty)

  return (
    <div className="app">
      <Header
        name={open.doc.name}
        openId={open.saved.id}
        dirty={open.dirty}
        saving={saving}
        where={storage.kind}
        fal={server?.fal}
        workflows={list.workflows}
        onRename={actions.rename}
        onSave={onSave}
        onNew={actions.newWorkflow}
        onImport={(file) => void actions.importFile(file)}
        onExport={() => void exportOpen()}
        onOpen={(id) => void actions.openById(id)}
        onDelete={(id) => void actions.remove(id)}
        onListShown={() => void list.refresh()}
      />
      <div className="workspace">
        <main className="canvas">
          <WorkflowEditor
            history={open.history}
            registry={registry}
            views={nodeViews}
            imageUrl={server === undefined ? undefined : mediaUrlOf}
            onSave={onSave}
            onRun={onRun}
            onDropFiles={onDropFiles}
            runStatus={runs.statuses}
            onReady={onReady}
            onSelectionChange={setSelection}
            paletteFooter={AddModelById}
          />
          <NoticeBar notices={notices.list} onDismiss={notices.dismiss} />
        </main>
        {server ? (
          <RunDock
            page={runs}
            doc={open.doc}
            offline={server.fal !== 'fal'}
            selected={() => runs.editor.current?.selected() ?? []}
          />
        ) : null}
      </div>
      {server ? (
        <Timeline
          timeline={runs.timeline}
          onSelect={(id) => runs.editor.current?.focus([id])}
          onEdit={onTimelineEdit}
        />
      ) : null}
    </div>
  )
}
