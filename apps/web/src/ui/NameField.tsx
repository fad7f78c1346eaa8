import { useEffect, useState } from 'react'

interface NameFieldProps {
  readonly name: string
  readonly onRename: (name: string) => void
}

/** The workflow's name, edited in place: Enter or leaving the field renames, Escape reverts. */
export function NameField({ name, onRename }: NameFieldProps) {
  const [draft, setDraft] = useState(name)
  // Follow the document when it changes from elsewhere (open, undo, import).
  useEffect(() => setDraft(name), [name])
  return (
    <input
      className="name-field"
      data-testid="workflow-name"
      aria-label="Workflow name"
      value={draft}
      maxLength={200}
      onChange={(event) => setDraft(event.target.value)}
      onBlur={() => {
        if (draft.trim() === '') setDraft(name)
        else onRename(draft)
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter') event.currentTarget.blur()
        if (event.key === 'Escape') {
          setDraft(name)
          // Let the revert render before the blur commits it.
          requestAnimationFrame(() => (event.target as HTMLInputElement).blur())
        }
      }}
    />
  )
}
