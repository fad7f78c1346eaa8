/** The editor's box on the screen, as `getBoundingClientRect` gives it. */
export interface EditorBox {
  readonly left: number
  readonly top: number
  readonly width: number
  readonly height: number
}

/** The palette's width in CSS px (the stylesheet's `.sc-palette`). */
const PALETTE_WIDTH = 360
/** Room kept below a placed palette for its list, unless the editor is shorter. */
const PALETTE_ROOM = 460

/** Where the palette's top-left corner sits in the editor, in CSS px. */
export interface PalettePlace {
  readonly left: number
  readonly top: number
}

/**
 * The palette's corner for a point on the screen: at the point, moved in as far as needed to
 * keep the palette inside the editor's box.
 */
export function palettePlace(editor: EditorBox, clientX: number, clientY: number): PalettePlace {
  const clamp = (value: number, max: number) => Math.max(8, Math.min(value, max))
  return {
    left: clamp(clientX - editor.left, editor.width - PALETTE_WIDTH - 8),
    top: clamp(clientY - editor.top, editor.height - PALETTE_ROOM),
  }
}
