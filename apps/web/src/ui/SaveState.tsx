interface SaveStateProps {
  readonly saving: boolean
  readonly dirty: boolean
  /** Whether the workflow exists in the storage at all. */
  readonly stored: boolean
  readonly where: 'server' | 'local'
}

/** Where the open workflow stands, in words: saved, unsaved changes, not saved yet, saving. */
export function SaveState({ saving, dirty, stored, where }: SaveStateProps) {
  const [tone, text] = saving
    ? ['busy', 'Saving…']
    : !stored
      ? ['unsaved', 'Not saved yet']
      : dirty
        ? ['unsaved', 'Unsaved changes']
        : ['saved', where === 'server' ? 'Saved' : 'Saved in this browser']
  return (
    <span className={`save-state save-state-${tone}`} data-testid="save-state" role="status">
      {text}
    </span>
  )
}
