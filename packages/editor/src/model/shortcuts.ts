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
  | 'shortcuts'
  | 'escape'

/** The parts of a KeyboardEvent a shortcut depends on. */
export interface KeyPress {
  readonly key: string
  readonly ctrlKey: boolean
  readonly metaKey: boolean
  readonly shiftKey: boolean
  readonly altKey: boolean
}

/** One key binding of the editor: a row of {@link SHORTCUTS}. */
export interface Shortcut {
  readonly action: ShortcutAction
  /** `KeyboardEvent.key`, lower case for a letter. */
  readonly key: string
  /** Ctrl (Cmd on a Mac) held; absent: either way. */
  readonly mod?: boolean
  /** Shift held; absent: either way. */
  readonly shift?: boolean
  /** Also the editor's while typing in a text field, and with Alt held. */
  readonly typing?: true
}

/**
 * Every key the editor answers, first match wins: what `shortcutFor` reads and what the
 * shortcut sheet lists. Ctrl on Windows and Linux, Cmd on a Mac.
 */
export const SHORTCUTS: readonly Shortcut[] = [
  { action: 'save', key: 's', mod: true, typing: true },
  { action: 'run', key: 'Enter', mod: true, typing: true },
  { action: 'escape', key: 'Escape', typing: true },
  { action: 'undo', key: 'z', mod: true, shift: false },
  { action: 'redo', key: 'z', mod: true, shift: true },
  { action: 'redo', key: 'y', mod: true },
  { action: 'copy', key: 'c', mod: true },
  { action: 'paste', key: 'v', mod: true },
  { action: 'duplicate', key: 'd', mod: true },
  { action: 'palette', key: 'a', mod: false, shift: true },
  { action: 'palette', key: 'k', mod: true },
  { action: 'delete', key: 'Delete', mod: false },
  { action: 'delete', key: 'Backspace', mod: false },
  { action: 'fit', key: 'f', mod: false, shift: false },
  { action: 'shortcuts', key: '?', mod: false },
]

/** What each action does, in the words of the shortcut sheet. */
export const SHORTCUT_LABELS: Readonly<Record<ShortcutAction, string>> = {
  palette: 'Add a node (search)',
  undo: 'Undo',
  redo: 'Redo',
  copy: 'Copy the selected nodes',
  paste: 'Paste nodes, or an image (into the selected image node)',
  duplicate: 'Duplicate the selected nodes',
  delete: 'Delete the selected nodes',
  fit: 'Zoom to fit the workflow',
  save: 'Save',
  run: 'Run (towards the selected nodes)',
  shortcuts: 'Show these shortcuts',
  escape: 'Close the menu, the search or this sheet',
}

/**
 * The editor action of a key press, or undefined (see {@link SHORTCUTS}). `typing` is true while
 * focus is in a text field: then only Save, Run and Escape are the editor's (the field keeps its
 * own undo, copy, paste and Delete).
 */
export function shortcutFor(press: KeyPress, typing: boolean): ShortcutAction | undefined {
  const mod = press.ctrlKey || press.metaKey
  const key = press.key.length === 1 ? press.key.toLowerCase() : press.key
  const found = SHORTCUTS.find(
    (s) =>
      s.key === key &&
      (s.mod === undefined || s.mod === mod) &&
      (s.shift === undefined || s.shift === press.shiftKey) &&
      (s.typing === true || (!typing && !press.altKey)),
  )
  return found?.action
}

/** How a key is written on the sheet. */
const KEY_NAMES: Readonly<Record<string, string>> = { Escape: 'Esc' }

/**
 * A binding as a person types it: `Ctrl+Shift+Z` (`⌘+Shift+Z` on a Mac). A printed symbol
 * such as `?` is written as itself, without the Shift it may take.
 * @example
 * keysOf({ action: 'redo', key: 'z', mod: true, shift: true }, false) // 'Ctrl+Shift+Z'
 */
export function keysOf(shortcut: Shortcut, mac: boolean): string {
  const { key } = shortcut
  const letter = /^[a-z]$/.test(key)
  const parts = [
    ...(shortcut.mod === true ? [mac ? '⌘' : 'Ctrl'] : []),
    ...(shortcut.shift === true && letter ? ['Shift'] : []),
    letter ? key.toUpperCase() : (KEY_NAMES[key] ?? key),
  ]
  return parts.join('+')
}

/**
 * The sheet's rows: each action once, in the order of {@link SHORTCUT_LABELS}, with its keys.
 * @public
 */
export function shortcutSheet(mac: boolean): { label: string; keys: string[] }[] {
  return Object.entries(SHORTCUT_LABELS).map(([action, label]) => ({
    label,
    keys: SHORTCUTS.filter((s) => s.action === action).map((s) => keysOf(s, mac)),
  }))
}
