import type { NodeRegistry, WorkflowDocument } from '@shotchain/graph'
import type { NodeViews } from '../views/node-view.ts'
import { nodeBoxes } from './node-boxes.ts'

/** An axis-aligned box in canvas coordinates (what a node's `position` holds). */
export interface Box {
  readonly left: number
  readonly top: number
  readonly right: number
  readonly bottom: number
}

/**
 * The boxes of the given nodes (all when `ids` is absent), from fixed geometry with the body
 * heights of `views` (the generic one for a type without a view).
 */
export function boxesOf(
  doc: WorkflowDocument,
  registry: NodeRegistry,
  ids?: readonly string[],
  views: NodeViews = {},
): Box[] {
  const boxes = nodeBoxes(doc, registry, views)
  return ids ? ids.flatMap((id) => boxes.get(id) ?? []) : [...boxes.values()]
}

/** The box around `boxes`; undefined when there are none. */
export function unionBox(boxes: readonly Box[]): Box | undefined {
  let all: Box | undefined
  for (const b of boxes) {
    all = {
      left: Math.min(all?.left ?? b.left, b.left),
      top: Math.min(all?.top ?? b.top, b.top),
      right: Math.max(all?.right ?? b.right, b.right),
      bottom: Math.max(all?.bottom ?? b.bottom, b.bottom),
    }
  }
  return all
}

/**
 * The box around the given nodes (all when `ids` is absent), from fixed geometry with the body
 * heights of `views` (the generic one for a type without a view); undefined when empty.
 */
export function documentBounds(
  doc: WorkflowDocument,
  registry: NodeRegistry,
  ids?: readonly string[],
  views: NodeViews = {},
): Box | undefined {
  return unionBox(boxesOf(doc, registry, ids, views))
}

/** The view transform that shows `box` centred in a `width` × `height` viewport, at most 1:1. */
export function fitTransform(
  box: Box,
  width: number,
  height: number,
  margin = 0.9,
): { x: number; y: number; k: number } {
  const w = Math.max(box.right - box.left, 1)
  const h = Math.max(box.bottom - box.top, 1)
  const k = Math.min(1, (width * margin) / w, (height * margin) / h)
  const cx = (box.left + box.right) / 2
  const cy = (box.top + box.bottom) / 2
  return { x: width / 2 - cx * k, y: height / 2 - cy * k, k }
}

/** Room kept between a workflow opened at the legible zoom and the edge of the view, in CSS px. */
const OPENING_MARGIN = 40

/**
 * The view transform a workflow opens with: `fitTransform` when that zoom is at least `minZoom`
 * (the legible zoom); else `minZoom`, with the start of the workflow in view — its left edge a
 * margin in from the left, centred vertically when it is low enough, else its top a margin down.
 * The rest is a pan away (the minimap shows it).
 */
export function openingTransform(
  box: Box,
  width: number,
  height: number,
  minZoom: number,
): { x: number; y: number; k: number } {
  const fit = fitTransform(box, width, height)
  if (fit.k >= minZoom) return fit
  const k = minZoom
  const x = OPENING_MARGIN - box.left * k
  const tall = (box.bottom - box.top) * k > height - 2 * OPENING_MARGIN
  const y = tall ? OPENING_MARGIN - box.top * k : height / 2 - ((box.top + box.bottom) / 2) * k
  return { x, y, k }
}

/**
 * The least pan (the view's new `x` and `y`, zoom kept) that brings `box` inside a `width` ×
 * `height` view with `margin` px to spare; its left and top edges win when it is larger than the
 * view. Undefined when it is in view already.
 */
export function revealTransform(
  box: Box,
  view: { readonly x: number; readonly y: number; readonly k: number },
  width: number,
  height: number,
  margin = OPENING_MARGIN,
): { x: number; y: number } | undefined {
  const shift = (low: number, high: number, size: number) => {
    if (low < margin) return margin - low
    if (high > size - margin) return Math.max(size - margin - high, margin - low)
    return 0
  }
  const { x, y, k } = view
  const dx = shift(box.left * k + x, box.right * k + x, width)
  const dy = shift(box.top * k + y, box.bottom * k + y, height)
  return dx === 0 && dy === 0 ? undefined : { x: x + dx, y: y + dy }
}
