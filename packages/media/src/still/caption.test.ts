import { describe, expect, it } from 'vitest'
import { wrapCaption } from './caption.ts'

describe('wrapCaption', () => {
  it('wraps words at the width and cuts what passes the last line with an ellipsis', () => {
    expect(wrapCaption('a white lighthouse on a rocky cliff', 12)).toEqual([
      'a white',
      'lighthouse',
      'on a rocky',
      'cliff',
    ])
    expect(wrapCaption('one two three four five six', 7, 2)).toEqual(['one two', 'three…'])
    expect(wrapCaption('   ', 10)).toEqual([])
  })

  it('cuts a word longer than a line', () => {
    expect(wrapCaption('supercalifragilistic', 5)).toEqual(['super'])
  })
})
