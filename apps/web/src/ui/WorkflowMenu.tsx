import { useEffect, useRef, useState } from 'react'
import type { WorkflowSummary } from '../storage/workflow-storage.ts'

interface WorkflowMenuProps {
  readonly workflows: readonly WorkflowSummary[] | undefined
  readonly openId: string | undefined
  readonly onOpen: (id: string) => void
  readonly onDelete: (id: string) => void
  /** Called when the menu opens, to list again. */
  readonly onShow: () => void
}

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })

/** The saved workflows, most recent first: open one, or delete one. */
export function WorkflowMenu({ workflows, openId, onOpen, onDelete, onShow }: WorkflowMenuProps) {
  const [shown, setShown] = useState(false)
  const root = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (!shown) return
    const close = (event: Event) => {
      if (
        event instanceof KeyboardEvent
          ? event.key === 'Escape'
          : !root.current?.contains(event.target as Node)
      )
        setShown(false)
    }
    window.addEventListener('pointerdown', close)
    window.addEventListener('keydown', close)
    return () => {
      window.removeEventListener('pointerdown', close)
      window.removeEventListener('keydown', close)
    }
  }, [shown])
  return (
    <div className="workflow-menu" ref={root}>
      <button
        type="button"
        aria-expanded={shown}
        data-testid="workflow-list-toggle"
        onClick={() => {
          if (!shown) onShow()
          setShown(!shown)
        }}
      >
        Workflows{workflows === undefined ? '' : ` (${workflows.length})`} ▾
      </button>
      {shown && (
        <ul className="workflow-list" data-testid="workflow-list">
          {workflows?.length === 0 && <li className="workflow-empty">Nothing saved yet.</li>}
          {workflows?.map((w) => (
            <li key={w.id} aria-current={w.id === openId ? 'true' : undefined}>
              <button
                type="button"
                className="workflow-open"
                data-testid="workflow-item"
                onClick={() => {
                  setShown(false)
                  onOpen(w.id)
                }}
              >
                <span className="workflow-item-name">{w.name}</span>
                <span className="workflow-item-when">{when.format(w.updatedAt)}</span>
              </button>
              <button
                type="button"
                className="workflow-delete"
                aria-label={`Delete ${w.name}`}
                title="Delete"
                onClick={() => onDelete(w.id)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
