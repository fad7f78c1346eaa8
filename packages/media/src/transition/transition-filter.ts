import { type Insets, transitionMotion } from './transition-motion.ts'

/** Parameters of the transition filter graph. */
export interface TransitionShape {
  readonly width: number
  readonly height: number
  readonly fps: number
  /** Number of frames, at least 2. */
  readonly frames: number
  readonly hasEnd: boolean
  /** Colours (`RRGGBB`) of the stripe cells drawn on the middle half of the clip's frames. */
  readonly stripe?: readonly string[] | undefined
  /** Picks the motion; see {@link transitionMotion}. */
  readonly variant?: number | undefined
}

/**
 * A perspective crop whose edges move from nothing to `insets` (`in`) or back (`out`) over the
 * clip along the time curve share^ease; with no inset it is the identity, so the frame at that
 * end is the image itself. Sub-pixel (bilinear), so the zoom does not judder the way `zoompan`'s
 * whole-pixel crop does. The filter counts frames from 1 (`in` is 1 on the first frame), hence
 * `in-1`: with `in` the first frame was one step into the move, no longer quite the image (40.5
 * dB against it, 37.7 dB drifting, where it is now 46.4 dB).
 */
function moveEdges(insets: Insets, ease: number, last: number, toward: 'in' | 'out'): string {
  const share = toward === 'in' ? `(in-1)/${last}` : `1-(in-1)/${last}`
  const t = ease === 1 ? `(${share})` : `pow(${share},${ease.toFixed(3)})`
  const l = `W*${insets.left}*${t}`
  const r = `W-W*${insets.right}*${t}`
  const top = `H*${insets.top}*${t}`
  const bottom = `H-H*${insets.bottom}*${t}`
  return (
    `perspective=x0='${l}':y0='${top}':x1='${r}':y1='${top}':` +
    `x2='${l}':y2='${bottom}':x3='${r}':y3='${bottom}':eval=frame`
  )
}

/**
 * The ffmpeg filter graph for {@link renderTransition}: inputs 0 (start) and 1 (end) are still
 * images; each is scaled to cover width×height, held for `frames` frames and zoomed; the end image
 * fades in over the start image with alpha going from 0 on the first frame to 1 on the last.
 * Outputs `[v]`.
 */
export function transitionFilter(shape: TransitionShape): string {
  const { width: w, height: h, fps, frames } = shape
  const last = frames - 1
  const hold = (input: number) =>
    `[${input}:v:0]scale=${w}:${h}:force_original_aspect_ratio=increase,crop=${w}:${h},setsar=1,` +
    `format=yuv420p,loop=loop=${last}:size=1:start=0,setpts=N/(${fps}*TB)`
  const motion = transitionMotion(shape.variant, shape.hasEnd)
  const tail = `${hueSwing(motion.hueDeg, last)}${stripeBoxes(shape)}[v]`
  if (!shape.hasEnd)
    return `${hold(0)},${moveEdges(motion.start, motion.startEase, last, 'in')},format=yuv420p${tail}`
  return [
    `${hold(0)},${moveEdges(motion.start, motion.startEase, last, 'in')}[s]`,
    `${hold(1)},${moveEdges(motion.end, motion.endEase, last, 'out')},format=yuva420p,fade=t=in:s=0:n=${last}:alpha=1[e]`,
    `[s][e]overlay=format=yuv420,format=yuv420p${tail}`,
  ].join(';')
}

/**
 * Where the stripe's cells go: side by side, centred, in the lower part of the frame, on even
 * pixels (so 4:2:0 chroma never mixes two cells); see {@link transitionFilter}.
 */
export function stripeGeometry(width: number, height: number, cells: number) {
  const even = (n: number) => Math.floor(n / 2) * 2
  const cellWidth = Math.max(2, even(width / cells))
  const cellHeight = Math.max(2, even(height / 8))
  const x = Math.max(0, even((width - cellWidth * cells) / 2))
  return { x, y: Math.max(0, even(height - 2 * cellHeight)), cellWidth, cellHeight }
}

/** A hue rotation peaking at `degrees` mid-clip, off on the first and the last frame. */
function hueSwing(degrees: number, last: number): string {
  if (degrees === 0 || last < 2) return ''
  return `,hue=h='${degrees.toFixed(2)}*sin(PI*n/${last})':enable='between(n,1,${last - 1})'`
}

/**
 * The prompt's stripe, on the middle half of the frames only: a clip's first and last quarter
 * move as a shot does, so the frames either side of a cut (and of a dropped repeat) compare as
 * footage would, not as a stripe popping in.
 */
function stripeBoxes(shape: TransitionShape): string {
  const colors = shape.stripe ?? []
  if (colors.length === 0 || shape.frames < 3) return ''
  const last = shape.frames - 1
  const quarter = Math.max(1, Math.round(last / 4))
  const enable = `between(n,${quarter},${last - quarter})`
  return stripeFilters(colors, shape.width, shape.height, enable)
}

/**
 * `drawbox` filters (each with a leading comma) that paint `colors` as the cells of a stripe at
 * {@link stripeGeometry}, on the frames `enable` (an ffmpeg expression) selects, or on all.
 */
export function stripeFilters(
  colors: readonly string[],
  width: number,
  height: number,
  enable?: string,
): string {
  const { x, y, cellWidth, cellHeight } = stripeGeometry(width, height, colors.length)
  const when = enable === undefined ? '' : `:enable='${enable}'`
  return colors
    .map(
      (color, i) =>
        `,drawbox=x=${x + i * cellWidth}:y=${y}:w=${cellWidth}:h=${cellHeight}:` +
        `color=0x${color}:t=fill${when}`,
    )
    .join('')
}
