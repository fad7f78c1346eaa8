import { type Box, unionBox } from './bounds.ts'
import { overlaps } from './node-boxes.ts'

/** Room kept between a placed node and the nodes around it, in canvas px. */
export const PLACE_GAP = 40

/** A width and a height, in canvas px. */
export interface Size {
  readonly width: number
  readonly height: number
}

/**
 * Where a box of `size` goes: at `at` (its top-left corner), or the first place right of it, on
 * the same line, where it keeps {@link PLACE_GAP} from every box of `taken`. Always found: each
 * step moves past a box it would cover.
 * @example
 * freeSpot(nodeBoxes(doc, registry, views).values(), [400, 0], { width: 260, height: 200 })
 */
export function freeSpot(
  taken: Iterable<Box>,
  at: readonly [number, number],
  size: Size,
): [number, number] {
  const boxes = [...taken]
  const half = PLACE_GAP / 2
  let x = at[0]
  const y = at[1]
  for (;;) {
    const padded = {
      left: x - half,
      top: y - half,
      right: x + size.width + half,
      bottom: y + size.height + half,
    }
    const hit = boxes.find((box) => overlaps(padded, box))
    if (hit === undefined) return [x, y]
    x = hit.right + PLACE_GAP
  }
}

/** The box around the boxes of `ids`; undefined when none of them has one. */
export function boxAround(
  boxes: ReadonlyMap<string, Box>,
  ids: readonly string[],
): Box | undefined {
  return unionBox(ids.flatMap((id) => boxes.get(id) ?? []))
}

/**
 * Where copies of the nodes `ids` go (the top-left corner of their group): beside them, on
 * their right, at their top, or further right where the group covers no node. Undefined when
 * none of `ids` is in `boxes`.
 */
export function spotBeside(
  boxes: ReadonlyMap<string, Box>,
  ids: readonly string[],
): [number, number] | undefined {
  const group = boxAround(boxes, ids)
  if (group === undefined) return undefined
  const size = { width: group.right - group.left, height: group.bottom - group.top }
  return freeSpot(boxes.values(), [group.right + PLACE_GAP, group.top], size)
}
