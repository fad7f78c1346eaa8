/** How far each edge moves in, as a share of the frame, over the whole clip. */
export interface Insets {
  readonly left: number
  readonly right: number
  readonly top: number
  readonly bottom: number
}

/** How a transition moves: each image's edges, and the hue swing of the frames in between. */
export interface TransitionMotion {
  /** The start image's crop: the identity on the first frame, these insets on the last. */
  readonly start: Insets
  /** The end image's crop: these insets on the first frame, the identity on the last. */
  readonly end: Insets
  /** Exponents of the two moves' time curves (share of the clip ^ ease): 1 is even speed. */
  readonly startEase: number
  readonly endEase: number
  /** Peak hue rotation in degrees, reached mid-clip; 0 on the first and the last frame. */
  readonly hueDeg: number
}

/** Start image in a crossfade: zooms in by ~9% over the clip. */
const ZOOM_IN: Insets = { left: 0.04, right: 0.04, top: 0.04, bottom: 0.04 }
/** Without an end image: zooms in by ~11% while drifting right. */
const DRIFT: Insets = { left: 0.07, right: 0.03, top: 0.05, bottom: 0.05 }

/** A 32-bit integer hash (Wang/Jenkins-style avalanche), so nearby variants move unalike. */
function mix(value: number): number {
  let x = value >>> 0
  x = Math.imul(x ^ (x >>> 16), 0x45d9f3b)
  x = Math.imul(x ^ (x >>> 16), 0x45d9f3b)
  return (x ^ (x >>> 16)) >>> 0
}

/** Numbers in [0, 1) drawn from `variant`, one per call, always the same for the same variant. */
function draws(variant: number): () => number {
  let state = mix(variant)
  return () => {
    state = mix(state + 0x9e3779b9)
    return state / 2 ** 32
  }
}

/**
 * A zoom into a frame by `2 × zoom` of each side in all, panning toward `angle` (radians): the
 * edges on that side move in more, so the picture slides the other way.
 */
function pan(zoom: number, angle: number): Insets {
  const dx = 0.9 * Math.cos(angle)
  const dy = 0.9 * Math.sin(angle)
  return {
    left: zoom * (1 + dx),
    right: zoom * (1 - dx),
    top: zoom * (1 + dy),
    bottom: zoom * (1 - dy),
  }
}

/**
 * The motion of a transition. Without a variant it is the plain one (a slow zoom, or a drift
 * right when there is no end image, and no hue swing); a variant — any integer, e.g. a hash of a
 * request id — picks for each image a zoom of 4–10% a side, a pan direction and a time curve
 * (even for the start image's, so a clip moves evenly from its first frame; even, eased in or
 * out for the end image's), and a hue swing of 20–60° either way, so two variants' frames in
 * between differ visibly while every variant starts on the start image and ends on the end image.
 * @internal
 */
export function transitionMotion(variant: number | undefined, hasEnd: boolean): TransitionMotion {
  if (variant === undefined) {
    return { start: hasEnd ? ZOOM_IN : DRIFT, end: ZOOM_IN, startEase: 1, endEase: 1, hueDeg: 0 }
  }
  const next = draws(variant)
  const zoom = () => 0.04 + 0.06 * next()
  const angle = () => 2 * Math.PI * next()
  // From 0.5 (fast, then slow) to 2 (slow, then fast), as likely below 1 as above.
  const ease = () => 2 ** (2 * next() - 1)
  const start = pan(zoom(), angle())
  const end = pan(zoom(), angle())
  // The start image moves at an even speed: from its first frame on (eased in, the second frame
  // would repeat the first, the frame a chained cut drops) and without a jump (eased out, the
  // first step would be a sixth of the whole move), as a camera does.
  const [startEase, endEase] = [1, ease()]
  const swing = 20 + 40 * next()
  return { start, end, startEase, endEase, hueDeg: next() < 0.5 ? -swing : swing }
}

/** A stable 32-bit variant for a text such as a request id (FNV-1a). @public */
export function variantOf(text: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193)
  }
  return hash >>> 0
}
