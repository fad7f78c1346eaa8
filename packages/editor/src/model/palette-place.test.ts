import { describe, expect, it } from 'vitest'
import { palettePlace } from './palette-place.ts'

const editor = { left: 100, top: 50, width: 1000, height: 700 }

describe('palettePlace', () => {
  it('puts the corner at the point when the palette fits there', () => {
    expect(palettePlace(editor, 400, 250)).toEqual({ left: 300, top: 200 })
  })

  it('moves the palette in from the right and bottom edges, never past the top-left', () => {
    expect(palettePlace(editor, 1090, 740)).toEqual({ left: 1000 - 360 - 8, top: 700 - 460 })
    expect(palettePlace(editor, 90, 40)).toEqual({ left: 8, top: 8 })
    expect(palettePlace({ ...editor, height: 300 }, 400, 300).top).toBe(8)
  })
})
