import { useEffect, useRef } from 'react'
import type { CanvasActions } from '../canvas/canvas-actions.ts'
import type { Canvas } from '../canvas/create-canvas.ts'
import { type ShortcutAction, shortcutFor } from '../model/shortcuts.ts'

interface ShortcutHandlers {
  readonly openPalette: () => void
  readonly closeOverlays: () => void
  readonly onSave?: () => void
  readonly onRun?: (selected: readonly string[]) => void
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)
}

/**
 * The editor's keys, on the window while the editor is mounted. In a text field only Save,
 * Run and Escape belong to the editor, so typing never deletes nodes or undoes the canvas.
 */
export function useShortcuts(
  canvas: Canvas | undefined,
  actions: CanvasActions | undefined,
  handlers: ShortcutHandlers,
): void {
  const latest = useRef(handlers)
  latest.current = handlers
  useEffect(() => {
    if (canvas === undefined || actions === undefined) return
    const run = (action: ShortcutAction) => {
      switch (action) {
        case 'delete':
          return actions.deleteSelected()
        case 'undo':
          return void actions.undo()
        case 'redo':
          return void actions.redo()
        case 'copy':
          return actions.copy()
        case 'paste':
          return actions.paste(actions.viewCentre())
        case 'duplicate':
          return actions.duplicate()
        case 'save':
          return latest.current.onSave?.()
        case 'run':
          return latest.current.onRun?.(canvas.selected())
        case 'fit':
          return void canvas.fit()
        case 'palette':
          return latest.current.openPalette()
        case 'escape':
          return latest.current.closeOverlays()
      }
    }
    const keydown = (event: KeyboardEvent) => {
      const action = shortcutFor(event, isTyping(event.target))
      if (action === undefined) return
      event.preventDefault()
      run(action)
    }
    window.addEventListener('keydown', keydown)
    return () => window.removeEventListener('keydown', keydown)
  }, [canvas, actions])
}
