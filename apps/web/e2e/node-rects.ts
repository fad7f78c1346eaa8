import type { WorkflowDocument } from '@shotchain/graph'
import type { Page } from 'playwright-core'
import { expect } from 'vitest'
import { type ScreenRect, type ScreenView, waitForStill } from './view-moves.ts'

/** A node's drawn size in canvas px (its box at zoom 1). */
export interface NodeSize {
  readonly width: number
  readonly height: number
}

/**
 * Where each node of `doc` is on screen in `view`, from its document position and its type's
 * drawn size (`sizes`); a type without a size is left out.
 */
export function nodeRects(
  doc: WorkflowDocument,
  view: ScreenView,
  sizes: Readonly<Record<string, NodeSize>>,
): Map<string, ScreenRect> {
  const rects = new Map<string, ScreenRect>()
  for (const node of doc.nodes) {
    const size = sizes[node.type]
    if (size === undefined) continue
    const left = view.x + view.k * node.position[0]
    const top = view.y + view.k * node.position[1]
    rects.set(node.id, {
      left,
      top,
      right: left + view.k * size.width,
      bottom: top + view.k * size.height,
    })
  }
  return rects
}

/**
 * Each node type's drawn size in canvas px, read from the nodes drawn with their sockets, on
 * screen: one size a type (the workflow has no list inputs, so none grows with its edges).
 */
export async function measureSizes(
  page: Page,
  doc: WorkflowDocument,
): Promise<Record<string, NodeSize>> {
  const { k } = await waitForStill(page)
  const drawn = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-testid="node"]')].flatMap((card) => {
      const box = card.getBoundingClientRect()
      const seen =
        box.left >= 0 && box.top >= 0 && box.right <= innerWidth && box.bottom <= innerHeight
      const detailed = card.querySelector('[data-socket-node]') !== null
      return seen && detailed && card.checkVisibility()
        ? [{ id: card.dataset.nodeId ?? '', width: box.width, height: box.height }]
        : []
    }),
  )
  const typeOf = new Map(doc.nodes.map((node) => [node.id, node.type]))
  const sizes: Record<string, NodeSize> = {}
  for (const { id, width, height } of drawn) {
    const type = typeOf.get(id) ?? `unknown node ${id}`
    const size = { width: width / k, height: height / k }
    const known = sizes[type] ?? size
    expect(Math.abs(known.width - size.width), `${type} width`).toBeLessThan(0.5)
    expect(Math.abs(known.height - size.height), `${type} height`).toBeLessThan(0.5)
    sizes[type] = size
  }
  return sizes
}
