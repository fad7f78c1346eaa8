/** The parts of a focused element that decide whether keys go to it as text. */
export interface KeyTarget {
  readonly tagName: string
  /** An input's type (`text`, `checkbox`…); other elements may have one too, and it is ignored. */
  readonly type?: string
  readonly isContentEditable?: boolean
}

/** Input types that take no typed text: keys pressed on them can be the editor's. */
const NO_TEXT = new Set([
  'button',
  'checkbox',
  'color',
  'file',
  'hidden',
  'image',
  'radio',
  'range',
  'reset',
  'submit',
])

/**
 * Whether the element takes typed text (a textarea, an editable element, a text-like input),
 * so Delete, Ctrl+Z, Ctrl+C and the like are its own. A select, a checkbox or a button is not.
 */
export function isTextEntry(target: KeyTarget): boolean {
  if (target.isContentEditable === true) return true
  const tag = target.tagName.toUpperCase()
  if (tag === 'TEXTAREA') return true
  return tag === 'INPUT' && !NO_TEXT.has((target.type ?? 'text').toLowerCase())
}
