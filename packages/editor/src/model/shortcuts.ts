/** What a key press asks the editor to do. */
export type ShortcutAction =
  | 'delete'
  | 'undo'
  | 'redo'
  | 'copy'
  | 'paste'
  | 'duplicate'
  | 'save'
  | 'run'
  | 'fit'
  | 'palette'
  | 'escape'

/** The parts of a KeyboardEvent a shortcut depends on. */
export interface KeyPress {
  readonly key: string
  readonly ctrlKey: boolean
  readonly metaKey: boolean
  readonly shiftKey: boolean
  readonly altKey: boolean
}

/**
 * The editor action of a key press, or undefined. Ctrl on Windows and Linux, Cmd on a Mac.
 * `typing` is true while focus is in a text field: then only Save, Run and Escape are the
 * editor's (the field keeps its own undo, copy, paste and Delete).
 */
export function shortcutFor(press: KeyPress, typing: boolean): ShortcutAction | undefined {
  const mod = press.ctrlKey || press.metaKey
  const key = press.key.length === 1 ? press.key.toLowerCase() : press.key
  if (mod && key === 's') return 'save'
  if (mod && key === 'Enter') return 'run'
  if (key === 'Escape') return 'escape'
  if (typing || press.altKey) return undefined
  if (mod) {
    if (key === 'z') return press.shiftKey ? 'redo' : 'undo'
    if (key === 'y') return 'redo'
    if (key === 'c') return 'copy'
    if (key === 'v') return 'paste'
    if (key === 'd') return 'duplicate'
    if (key === 'k') return 'palette'
    return undefined
  }
  if (key === 'Delete' || key === 'Backspace') return 'delete'
  if (key === 'f' && !press.shiftKey) return 'fit'
  if (key === 'a' && press.shiftKey) return 'palette'
  return undefined
}
