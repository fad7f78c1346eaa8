import type { ClipEdit } from '@shotchain/graph'

/** A clip's played range after its trims: frames `[in, out)` of its `frames`. */
export interface ClipSpan {
  readonly in: number
  readonly out: number
  readonly frames: number
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const whole = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : undefined

/**
 * The sequence's per-clip edits as its params hold them under `param` (its role's `edits`), one
 * per clip in play order (`{}` for a clip with none, or for an entry that is not an edit).
 * Undefined `param` (the sequence takes no edits): every clip plays whole, cut to the next.
 */
export function editsIn(
  params: Readonly<Record<string, unknown>>,
  param: string | undefined,
  clips: number,
): ClipEdit[] {
  const stored = param === undefined ? undefined : params[param]
  const list = Array.isArray(stored) ? stored : []
  return Array.from({ length: clips }, (_, k) => {
    const entry: unknown = list[k]
    if (!isObject(entry)) return {}
    const at = whole(entry.in)
    const out = whole(entry.out)
    const fade = whole(entry.crossfadeFrames)
    const transition =
      entry.transition === 'crossfade' || entry.transition === 'cut' ? entry.transition : undefined
    return {
      ...(at === undefined ? {} : { in: at }),
      ...(out === undefined ? {} : { out }),
      ...(transition === undefined ? {} : { transition }),
      ...(fade === undefined ? {} : { crossfadeFrames: fade }),
    }
  })
}

/**
 * The frames a clip plays with `edit`: its trims kept inside the clip and at least one frame
 * long (an in point past the end plays the last frame; an out at or before the in plays one).
 */
export function clipSpan(edit: ClipEdit, frames: number): ClipSpan {
  const length = Math.max(1, frames)
  const start = Math.min(edit.in ?? 0, length - 1)
  const end = Math.min(Math.max(edit.out ?? length, start + 1), length)
  return { in: start, out: end, frames: length }
}

/** Where a trim handle may put `side`: inside the clip, never leaving under one frame. */
export function clampTrim(span: ClipSpan, side: 'in' | 'out', frame: number): number {
  const at = Math.round(frame)
  return side === 'in'
    ? Math.min(Math.max(at, 0), span.out - 1)
    : Math.max(Math.min(at, span.frames), span.in + 1)
}

/**
 * The frames clip `k` overlaps clip `k + 1` by: its crossfade's length, no longer than either
 * trimmed clip; 0 for a cut or the last clip.
 */
export function overlapAfter(
  edits: readonly ClipEdit[],
  spans: readonly (ClipSpan | undefined)[],
  k: number,
): number {
  const edit = edits[k]
  const here = spans[k]
  const next = spans[k + 1]
  if (edit?.transition !== 'crossfade' || here === undefined || next === undefined) return 0
  const fade = edit.crossfadeFrames ?? 0
  return Math.max(0, Math.min(fade, here.out - here.in, next.out - next.in))
}

/**
 * The sequence's length in frames: the trimmed clips end to end, less each crossfade's overlap.
 * A clip of no known length (undefined) adds nothing and overlaps nothing.
 */
export function sequenceFrames(
  edits: readonly ClipEdit[],
  spans: readonly (ClipSpan | undefined)[],
): number {
  return spans.reduce(
    (sum, span, k) =>
      span === undefined ? sum : sum + (span.out - span.in) - overlapAfter(edits, spans, k),
    0,
  )
}

/**
 * The edits with clip `k`'s changed by `patch` (a key set to undefined is removed), one entry
 * per clip: what the sequence's edits param is set to.
 */
export function withEdit(
  edits: readonly ClipEdit[],
  k: number,
  patch: { readonly [K in keyof ClipEdit]?: ClipEdit[K] | undefined },
): ClipEdit[] {
  return edits.map((edit, j) => {
    if (j !== k) return edit
    const merged: Record<string, unknown> = { ...edit, ...patch }
    for (const key of Object.keys(merged)) if (merged[key] === undefined) delete merged[key]
    return merged as ClipEdit
  })
}

/**
 * The edits with clip `k`'s `side` trimmed to `frame` of its `frames`: a trim back at the clip's
 * edge (in 0, out at its end) is no trim, so the clip plays whole on that side.
 */
export function withTrim(
  edits: readonly ClipEdit[],
  k: number,
  side: 'in' | 'out',
  frame: number,
  frames: number,
): ClipEdit[] {
  const edge = side === 'in' ? 0 : frames
  return withEdit(edits, k, { [side]: frame === edge ? undefined : frame })
}

/** The edits with a cut, or a crossfade of `frames`, from clip `k` into the next. */
export function withTransition(
  edits: readonly ClipEdit[],
  k: number,
  transition: 'cut' | 'crossfade',
  frames: number | undefined,
): ClipEdit[] {
  return withEdit(edits, k, {
    transition,
    crossfadeFrames: transition === 'crossfade' ? frames : undefined,
  })
}
