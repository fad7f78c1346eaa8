import { WorkflowEditor } from '@shotchain/editor'
import { useCallback } from 'react'
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
import { registry } from '../registry.ts'
import type { Backend } from '../storage/choose-storage.ts'
import { Header } from './Header.tsx'
import { NoticeBar } from './NoticeBar.tsx'

const RUN_COMES_NEXT =
  'Running from the app comes next. For now, Export the workflow and run it headless: `pnpm shotchain run <file>.json` (it shows the plan and the cost first).'

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
  const onRun = useCallback(() => show({ key: 'run', tone: 'info', text: RUN_COMES_NEXT }), [show])
  const onSave = useCallback(() => {
    // Ctrl+S in the name field: commit the name first, so the save includes it.
    if (document.activeElement instanceof HTMLInputElement) document.activeElement.blur()
    void save()
  }, [save])
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
        onExport={() => downloadWorkflow(open.history.doc)}
        onOpen={(id) => void actions.openById(id)}
        onDelete={(id) => void actions.remove(id)}
        onListShown={() => void list.refresh()}
      />
      <main className="canvas">
        <WorkflowEditor
          history={open.history}
          registry={registry}
          imageUrl={server === undefined ? undefined : mediaUrlOf}
          onSave={onSave}
          onRun={onRun}
          onDropFiles={onDropFiles}
        />
        <NoticeBar notices={notices.list} onDismiss={notices.dismiss} />
      </main>
    </div>
  )
}
