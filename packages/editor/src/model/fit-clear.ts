import { type Box, fitTransform, unionBox } from './bounds.ts'

/** A view transform: canvas point p shows at p × k + (x, y). */
export interface ViewTransform {
  readonly x: number
  readonly y: number
  readonly k: number
}

/** The minimap's drawing, in screen pixels. @internal */
export const MINIMAP_SIZE = { width: 160, height: 104 } as const

/**
 * The minimap as placed (`overlays.css`: 10 px from the bottom-right corner, no border) with a
 * gap around it: the part of the view a fit leaves free of nodes. @internal
 */
export const MINIMAP_CORNER = {
  width: MINIMAP_SIZE.width + 10 + 12,
  height: MINIMAP_SIZE.height + 10 + 12,
} as const

const overlaps = (a: Box, b: Box) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom

/**
 * The view that frames `boxes` (as `fitTransform`) in a `width` × `height` viewport with none of
 * them under the bottom-right `corner` (where the minimap is): the plain fit when it already
 * leaves the corner free, else the larger of the fits beside the corner and above it.
 * Undefined when there are no boxes.
 */
export function fitClearOfCorner(
  boxes: readonly Box[],
  width: number,
  height: number,
  corner: { readonly width: number; readonly height: number },
): ViewTransform | undefined {
  const all = unionBox(boxes)
  if (all === undefined) return undefined
  const plain = fitTransform(all, width, height)
  const reserved: Box = {
    left: width - corner.width,
    top: height - corner.height,
    right: width,
    bottom: height,
  }
  const onScreen = (b: Box, t: ViewTransform): Box => ({
    left: b.left * t.k + t.x,
    top: b.top * t.k + t.y,
    right: b.right * t.k + t.x,
    bottom: b.bottom * t.k + t.y,
  })
  if (!boxes.some((b) => overlaps(onScreen(b, plain), reserved))) return plain
  const beside = fitTransform(all, Math.max(width - corner.width, 1), height)
  const above = fitTransform(all, width, Math.max(height - corner.height, 1))
  return beside.k >= above.k ? beside : above
}
