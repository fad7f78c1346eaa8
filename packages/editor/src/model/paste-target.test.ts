import { describe, expect, it } from 'vitest'
import { registry, threeShotChain } from '../testing/documents.ts'
import { pasteTarget } from './paste-target.ts'

describe('pasteTarget', () => {
  const doc = threeShotChain()

  it('is the first candidate that takes the file', () => {
    expect(pasteTarget(doc, registry, [undefined, 'shot1', 'image', 'prompt1'], 'image/png')).toBe(
      'image',
    )
  })

  it('is undefined when no candidate takes the file: it becomes a new node', () => {
    expect(pasteTarget(doc, registry, ['shot1', 'prompt1', 'gone'], 'image/png')).toBeUndefined()
    expect(pasteTarget(doc, registry, ['image'], 'application/pdf')).toBeUndefined()
    expect(pasteTarget(doc, registry, [], 'image/png')).toBeUndefined()
  })
})
