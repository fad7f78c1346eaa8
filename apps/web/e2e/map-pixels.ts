import type { Page } from 'playwright-core'

/** A colour as red, green, blue, alpha (0–255). */
export type Rgba = readonly [number, number, number, number]

/**
 * The map canvas's pixels around a window point: the most opaque one within `radius` device
 * pixels (a 1 px wire is spread over two by anti-aliasing).
 */
export function mapPixel(page: Page, x: number, y: number, radius = 0): Promise<Rgba> {
  return page.evaluate(
    ({ x, y, radius }) => {
      const map = document.querySelector<HTMLCanvasElement>('[data-testid="canvas-map"]')
      const ctx = map?.getContext('2d')
      if (!map || !ctx) throw new Error('no map canvas')
      const box = map.getBoundingClientRect()
      const ratio = map.width / box.width
      const px = Math.round((x - box.left) * ratio) - radius
      const py = Math.round((y - box.top) * ratio) - radius
      const side = 2 * radius + 1
      const data = ctx.getImageData(px, py, side, side).data
      let best = [0, 0, 0, 0]
      for (let i = 0; i < data.length; i += 4) {
        if ((data[i + 3] ?? 0) > (best[3] ?? 0)) best = [...data.subarray(i, i + 4)]
      }
      return best as [number, number, number, number]
    },
    { x, y, radius },
  )
}

/** The stylesheet's colour `--name` on the canvas, as the map paints it (opaque). */
export function cssColour(page: Page, name: string): Promise<Rgba> {
  return page.evaluate((name) => {
    const canvas = document.querySelector<HTMLElement>('[data-testid="canvas"]')
    if (!canvas) throw new Error('no canvas')
    const ctx = document.createElement('canvas').getContext('2d')
    if (!ctx) throw new Error('no 2d context')
    ctx.fillStyle = getComputedStyle(canvas).getPropertyValue(name).trim()
    ctx.fillRect(0, 0, 1, 1)
    return [...ctx.getImageData(0, 0, 1, 1).data] as [number, number, number, number]
  }, name)
}

/** The largest difference between two colours' red, green and blue. */
export const colourDistance = (a: Rgba, b: Rgba) =>
  Math.max(Math.abs(a[0] - b[0]), Math.abs(a[1] - b[1]), Math.abs(a[2] - b[2]))
