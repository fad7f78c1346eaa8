import { describe, expect, it } from 'vitest'
import { isTextEntry, type KeyTarget } from './key-target.ts'

describe('isTextEntry', () => {
  it.each<[string, KeyTarget, boolean]>([
    ['a textarea', { tagName: 'TEXTAREA' }, true],
    ['a text input', { tagName: 'INPUT', type: 'text' }, true],
    ['a number input', { tagName: 'INPUT', type: 'number' }, true],
    ['a search input', { tagName: 'INPUT', type: 'search' }, true],
    ['an editable div', { tagName: 'DIV', isContentEditable: true }, true],
    ['a select', { tagName: 'SELECT', type: 'select-one' }, false],
    ['a checkbox', { tagName: 'INPUT', type: 'checkbox' }, false],
    ['a range', { tagName: 'INPUT', type: 'range' }, false],
    ['a file input', { tagName: 'INPUT', type: 'file' }, false],
    ['a button', { tagName: 'BUTTON', type: 'submit' }, false],
    ['the page body', { tagName: 'BODY', isContentEditable: false }, false],
  ])('%s → %s', (_name, target, typing) => {
    expect(isTextEntry(target)).toBe(typing)
  })
})
