import { type RefObject, useEffect, useRef } from 'react'
import type { CanvasActions } from '../canvas/canvas-actions.ts'
import type { Canvas } from '../canvas/create-canvas.ts'
import { isTextEntry } from '../model/key-target.ts'
import { type ShortcutAction, shortcutFor } from '../model/shortcuts.ts'

interface ShortcutHandlers {
  readonly openPalette: () => void
  readonly toggleShortcuts: () => void
  readonly closeOverlays: () => void
  readonly onSave?: () => void
  readonly onRun?: (selected: readonly string[]) => void
  /**
   * Files pasted into the editor (an image copied elsewhere), with the node focus is in, if any.
   * Absent: pasted files are ignored.
   */
  readonly pasteFiles?: (files: readonly File[], focused: string | undefined) => void
}

/** Save and Run are the app's, wherever focus is (Ctrl+S in the workflow's name field saves). */
const PAGE_WIDE: ReadonlySet<ShortcutAction> = new Set(['save', 'run'])

/** Whether a key pressed with focus on `target` is the editor's: focus in it, or on nothing. */
function isEditorFocus(target: EventTarget | null, editor: HTMLElement | null): boolean {
  if (target === null || target === document.body || target === document.documentElement) {
    return true
  }
  return target instanceof Node && editor?.contains(target) === true
}

/** Text selected somewhere on the page: Ctrl+C copies that, not nodes. */
function hasSelectedText(): boolean {
  return (window.getSelection()?.toString() ?? '') !== ''
}

/**
 * The editor's keys, and what is pasted into it, while focus is in the editor or on nothing (the
 * page body); Save and Run from anywhere. In a text field only Save, Run and Escape belong to the
 * editor, so typing never deletes nodes or undoes the canvas, and a paste is the field's; a
 * select or a button is not a text field.
 */
export function useShortcuts(
  editor: RefObject<HTMLElement | null>,
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
          return void actions.copy()
        case 'paste':
          // The browser's own paste event follows, with what the clipboard holds: see `paste`.
          return
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
        case 'shortcuts':
          return latest.current.toggleShortcuts()
        case 'escape':
          return latest.current.closeOverlays()
      }
    }
    const keydown = (event: KeyboardEvent) => {
      const { target } = event
      const typing = target instanceof HTMLElement && isTextEntry(target)
      const action = shortcutFor(event, typing)
      if (action === undefined) return
      if (!PAGE_WIDE.has(action) && !isEditorFocus(target, editor.current)) return
      // Nothing selected, or text is: the browser's copy.
      if (action === 'copy' && (canvas.selected().length === 0 || hasSelectedText())) return
      if (action === 'paste') return
      event.preventDefault()
      run(action)
    }
    // Ctrl/Cmd+V (or the browser's Edit menu): files go to the host as a drop, text that holds
    // copied nodes pastes them. Read from the event, which needs no clipboard permission.
    const paste = (event: ClipboardEvent) => {
      // Focus decides, as for the keys: the event's target is where the page's text selection
      // starts (a notice read a moment ago), not where the person is working.
      const target = document.activeElement
      if (target instanceof HTMLElement && isTextEntry(target)) return
      if (!isEditorFocus(target, editor.current)) return
      event.preventDefault()
      const files = [...(event.clipboardData?.files ?? [])]
      if (files.length > 0) {
        const card =
          target instanceof Element ? target.closest<HTMLElement>('[data-node-id]') : null
        return latest.current.pasteFiles?.(files, card?.dataset.nodeId)
      }
      const text = event.clipboardData?.getData('text/plain') ?? ''
      void actions.paste(actions.viewCentre(), true, text)
    }
    window.addEventListener('keydown', keydown)
    window.addEventListener('paste', paste)
    return () => {
      window.removeEventListener('keydown', keydown)
      window.removeEventListener('paste', paste)
    }
  }, [editor, canvas, actions])
}
