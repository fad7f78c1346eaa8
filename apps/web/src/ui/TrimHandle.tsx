import { useRef, useState } from 'react'
import { type ClipSpan, clampTrim } from '../run/clip-edits.ts'

interface TrimHandleProps {
  readonly side: 'in' | 'out'
  readonly span: ClipSpan
  readonly label: string
  /** The trim being dragged (or undefined when it ends), to draw it before it is set. */
  readonly onPreview: (frame: number | undefined) => void
  /**
   * Sets the trim: once at the end of a drag, or at each key press (`merge`: presses in a row
   * are one undo entry).
   */
  readonly onTrim: (frame: number, merge: boolean) => void
}

/** Frames a key press moves a trim: one, ten with Shift (or Page Up/Down). */
const STEP = 1
const BIG_STEP = 10

/**
 * A trim handle on one edge of a shot's tile (a slider, in frames): dragged along the tile, each
 * pixel is the clip's frames over the tile's width; the arrow keys move it a frame. Kept inside
 * the clip, never leaving it under one frame.
 */
export function TrimHandle({ side, span, label, onPreview, onTrim }: TrimHandleProps) {
  const [dragged, setDragged] = useState<number>()
  const start = useRef<{ x: number; frame: number; perPixel: number }>(undefined)
  const frame = dragged ?? span[side]
  const move = (to: number) => {
    const clamped = clampTrim(span, side, to)
    setDragged(clamped)
    onPreview(clamped)
  }
  const end = (commit: boolean) => {
    if (start.current === undefined) return
    start.current = undefined
    if (commit && dragged !== undefined && dragged !== span[side]) onTrim(dragged, false)
    setDragged(undefined)
    onPreview(undefined)
  }
  const keys: Record<string, number> = {
    ArrowLeft: -STEP,
    ArrowDown: -STEP,
    ArrowRight: STEP,
    ArrowUp: STEP,
    PageDown: -BIG_STEP,
    PageUp: BIG_STEP,
  }
  return (
    <div
      className={`timeline-trim is-${side}`}
      style={{ left: `${(frame / span.frames) * 100}%` }}
      role="slider"
      tabIndex={0}
      aria-label={label}
      aria-valuemin={side === 'in' ? 0 : span.in + 1}
      aria-valuemax={side === 'in' ? span.out - 1 : span.frames}
      aria-valuenow={frame}
      aria-valuetext={`frame ${frame} of ${span.frames}`}
      data-testid={`trim-${side}`}
      onPointerDown={(event) => {
        const track = event.currentTarget.parentElement?.getBoundingClientRect()
        if (!track || track.width === 0) return
        event.preventDefault()
        event.currentTarget.setPointerCapture(event.pointerId)
        start.current = { x: event.clientX, frame: span[side], perPixel: span.frames / track.width }
      }}
      onPointerMove={(event) => {
        const from = start.current
        if (from) move(from.frame + (event.clientX - from.x) * from.perPixel)
      }}
      onPointerUp={() => end(true)}
      onPointerCancel={() => end(false)}
      onKeyDown={(event) => {
        const home = event.key === 'Home' ? -span.frames : event.key === 'End' ? span.frames : 0
        const step = (keys[event.key] ?? 0) * (event.shiftKey ? BIG_STEP : 1) || home
        if (step === 0) return
        event.preventDefault()
        const to = clampTrim(span, side, span[side] + step)
        if (to !== span[side]) onTrim(to, true)
      }}
    />
  )
}
