import { describe, expect, it } from 'vitest'
import { countText } from './count-text.ts'

describe('countText', () => {
  it('says one of a thing in the singular', () => {
    expect(countText(1, 'shot')).toBe('1 shot')
  })
  it('says none and many in the plural', () => {
    expect(countText(0, 'shot')).toBe('0 shots')
    expect(countText(3, 'shot')).toBe('3 shots')
  })
  it('takes an irregular plural', () => {
    expect(countText(1, 'property', 'properties')).toBe('1 property')
    expect(countText(2, 'property', 'properties')).toBe('2 properties')
  })
})
