import type { WorkflowSummary } from '../storage/workflow-storage.ts'
import { BackendBadge } from './BackendBadge.tsx'
import { ImportButton } from './ImportButton.tsx'
import { NameField } from './NameField.tsx'
import { SaveState } from './SaveState.tsx'
import { WorkflowMenu } from './WorkflowMenu.tsx'

export interface HeaderProps {
  readonly name: string
  readonly openId: string | undefined
  readonly dirty: boolean
  readonly saving: boolean
  readonly where: 'server' | 'local'
  readonly fal: string | undefined
  readonly workflows: readonly WorkflowSummary[] | undefined
  readonly onRename: (name: string) => void
  readonly onSave: () => void
  readonly onNew: () => void
  readonly onImport: (file: File) => void
  readonly onExport: () => void
  readonly onOpen: (id: string) => void
  readonly onDelete: (id: string) => void
  readonly onListShown: () => void
}

/** The app bar: name, save state, the file actions and the list of saved workflows. */
export function Header(props: HeaderProps) {
  return (
    <header className="app-header">
      <span className="app-name">Shotchain</span>
      <NameField name={props.name} onRename={props.onRename} />
      <SaveState
        saving={props.saving}
        dirty={props.dirty}
        stored={props.openId !== undefined}
        where={props.where}
      />
      <nav className="app-actions" aria-label="Workflow">
        <button
          type="button"
          data-testid="save"
          title="Save (Ctrl+S)"
          disabled={props.saving}
          onClick={props.onSave}
        >
          Save
        </button>
        <button type="button" onClick={props.onNew}>
          New
        </button>
        <ImportButton onFile={props.onImport} />
        <button
          type="button"
          onClick={props.onExport}
          title="Download to open elsewhere: a .json file, or a .zip with its images"
        >
          Export
        </button>
        <WorkflowMenu
          workflows={props.workflows}
          openId={props.openId}
          onOpen={props.onOpen}
          onDelete={props.onDelete}
          onShow={props.onListShown}
        />
      </nav>
      <BackendBadge fal={props.fal} />
    </header>
  )
}
