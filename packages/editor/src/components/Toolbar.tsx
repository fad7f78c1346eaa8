import type { WorkflowHistory } from '@shotchain/graph'
import { useEffect, useState } from 'react'
import { ZoomControls } from './ZoomControls.tsx'

interface ToolbarProps {
  readonly history: WorkflowHistory
  readonly onAddNode: () => void
  readonly onFit: () => void
  readonly onArrange: () => void
  readonly onShortcuts: () => void
}

/**
 * Add node, undo, redo, the zoom controls (out, percentage, in, fit), arrange and the shortcut
 * sheet, with their keys in the tooltips.
 */
export function Toolbar({ history, onAddNode, onFit, onArrange, onShortcuts }: ToolbarProps) {
  const [, redraw] = useState(0)
  useEffect(() => history.subscribe(() => redraw((n) => n + 1)), [history])
  return (
    <div className="sc-toolbar" role="toolbar" aria-label="Canvas">
      <button type="button" onClick={onAddNode} title="Add node (Shift+A)" data-testid="add-node">
        + Add node
      </button>
      <button
        type="button"
        onClick={() => history.undo()}
        disabled={!history.canUndo}
        title="Undo (Ctrl+Z)"
        data-testid="undo"
      >
        Undo
      </button>
      <button
        type="button"
        onClick={() => history.redo()}
        disabled={!history.canRedo}
        title="Redo (Ctrl+Shift+Z)"
        data-testid="redo"
      >
        Redo
      </button>
      <ZoomControls onFit={onFit} />
      <button
        type="button"
        onClick={onArrange}
        title="Arrange nodes left to right"
        data-testid="arrange"
      >
        Arrange
      </button>
      <button
        type="button"
        onClick={onShortcuts}
        aria-haspopup="dialog"
        title="Keyboard shortcuts (?)"
        data-testid="shortcuts"
      >
        Shortcuts
      </button>
    </div>
  )
}
