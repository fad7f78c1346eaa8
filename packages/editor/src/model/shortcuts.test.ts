import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  type KeyPress,
  SHORTCUTS,
  type ShortcutAction,
  shortcutFor,
  shortcutSheet,
} from './shortcuts.ts'

/** A key press from a compact spelling: `Ctrl+Shift+Z`, `Cmd+s`, `Delete`. */
function press(spelled: string): KeyPress {
  const parts = spelled.split('+')
  const key = parts.pop() as string
  return {
    key,
    ctrlKey: parts.includes('Ctrl'),
    metaKey: parts.includes('Cmd'),
    shiftKey: parts.includes('Shift'),
    altKey: parts.includes('Alt'),
  }
}

const TABLE: [string, ShortcutAction | undefined][] = [
  ['Delete', 'delete'],
  ['Backspace', 'delete'],
  ['Ctrl+z', 'undo'],
  ['Cmd+z', 'undo'],
  ['Ctrl+Shift+Z', 'redo'],
  ['Cmd+Shift+Z', 'redo'],
  ['Ctrl+y', 'redo'],
  ['Ctrl+c', 'copy'],
  ['Cmd+c', 'copy'],
  ['Ctrl+v', 'paste'],
  ['Ctrl+d', 'duplicate'],
  ['Ctrl+s', 'save'],
  ['Cmd+s', 'save'],
  ['Ctrl+S', 'save'], // Caps Lock on
  ['Ctrl+Enter', 'run'],
  ['Cmd+Enter', 'run'],
  ['f', 'fit'],
  ['Shift+A', 'palette'],
  ['Ctrl+k', 'palette'],
  ['Escape', 'escape'],
  ['?', 'shortcuts'],
  ['Shift+?', 'shortcuts'],
  ['z', undefined],
  ['a', undefined],
  ['Shift+F', undefined],
  ['Enter', undefined],
  ['Ctrl+Alt+z', undefined],
  ['Alt+Delete', undefined],
]

describe('shortcutFor', () => {
  it.each(TABLE)('%s → %s', (spelled, action) => {
    expect(shortcutFor(press(spelled), false)).toBe(action)
  })

  it.each([
    ['Ctrl+s', 'save'],
    ['Cmd+Enter', 'run'],
    ['Escape', 'escape'],
  ] as const)('while typing, %s still does %s', (spelled, action) => {
    expect(shortcutFor(press(spelled), true)).toBe(action)
  })

  it.each([
    'Delete',
    'Backspace',
    'Ctrl+z',
    'Ctrl+Shift+Z',
    'Ctrl+c',
    'Ctrl+v',
    'Ctrl+d',
    'f',
    'Shift+A',
    'Shift+?',
  ])('while typing, %s is left to the text field', (spelled) => {
    expect(shortcutFor(press(spelled), true)).toBeUndefined()
  })

  it('while typing, gives only save, run or escape, for any key press', () => {
    const keys = fc.oneof(
      fc.constantFrom('Delete', 'Backspace', 'Enter', 'Escape', 'Tab', 'ArrowUp', 'F5'),
      fc.string({ minLength: 1, maxLength: 1 }),
    )
    const anyPress = fc.record({
      key: keys,
      ctrlKey: fc.boolean(),
      metaKey: fc.boolean(),
      shiftKey: fc.boolean(),
      altKey: fc.boolean(),
    })
    fc.assert(
      fc.property(anyPress, (p) => {
        expect([undefined, 'save', 'run', 'escape']).toContain(shortcutFor(p, true))
      }),
    )
  })
})

describe('shortcutSheet', () => {
  it('lists every action of the table once, with each of its keys', () => {
    const rows = shortcutSheet(false)
    const actions = new Set(SHORTCUTS.map((s) => s.action))
    expect(rows).toHaveLength(actions.size)
    expect(rows.flatMap((r) => r.keys)).toHaveLength(SHORTCUTS.length)
    expect(rows.find((r) => r.label === 'Redo')?.keys).toEqual(['Ctrl+Shift+Z', 'Ctrl+Y'])
    expect(rows.find((r) => r.label.startsWith('Add a node'))?.keys).toEqual(['Shift+A', 'Ctrl+K'])
    expect(rows.find((r) => r.label.startsWith('Show'))?.keys).toEqual(['?'])
  })

  it('writes Cmd as ⌘ on a Mac', () => {
    expect(shortcutSheet(true).find((r) => r.label === 'Undo')?.keys).toEqual(['⌘+Z'])
  })
})
