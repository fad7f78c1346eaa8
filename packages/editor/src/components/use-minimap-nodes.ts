import type { NodeRegistry, WorkflowDocument } from '@shotchain/graph'
import { useMemo } from 'react'
import type { Box } from '../model/bounds.ts'
import { MINIMAP_SIZE } from '../model/fit-clear.ts'
import { nodeBoxes } from '../model/node-boxes.ts'
import type { NodeViews } from '../views/node-view.ts'

/** The image is drawn this many times the minimap's size, so it stays sharp when the frame grows. */
const OVERSAMPLE = 2

/**
 * The document's nodes painted once (per document) into an image of `bounds`, in the
 * stylesheet's `--sc-line` colour: what the minimap draws, scaled, however the view moves.
 * Undefined while there is nothing to draw.
 */
export function useMinimapNodes(
  doc: WorkflowDocument,
  registry: NodeRegistry,
  views: NodeViews,
  bounds: Box | undefined,
): HTMLCanvasElement | undefined {
  return useMemo(() => {
    if (bounds === undefined) return undefined
    const image = document.createElement('canvas')
    const width = bounds.right - bounds.left
    const height = bounds.bottom - bounds.top
    const scale =
      (OVERSAMPLE * Math.max(MINIMAP_SIZE.width, MINIMAP_SIZE.height)) / Math.max(width, height)
    image.width = Math.max(1, Math.ceil(width * scale))
    image.height = Math.max(1, Math.ceil(height * scale))
    const ctx = image.getContext('2d')
    if (ctx === null) return image
    const style = getComputedStyle(document.querySelector('.sc-editor') ?? document.body)
    ctx.fillStyle = style.getPropertyValue('--sc-line').trim() || '#888'
    ctx.setTransform(scale, 0, 0, scale, -bounds.left * scale, -bounds.top * scale)
    ctx.beginPath()
    for (const b of nodeBoxes(doc, registry, views).values()) {
      ctx.rect(b.left, b.top, b.right - b.left, b.bottom - b.top)
    }
    ctx.fill()
    return image
  }, [doc, registry, views, bounds])
}
