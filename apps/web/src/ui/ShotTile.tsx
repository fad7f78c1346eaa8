import { usdText } from '@shotchain/graph'
import { useState } from 'react'
import type { ClipSpan } from '../run/clip-edits.ts'
import type { TimelineShot } from '../run/timeline-shot.ts'
import { TimelineTakes } from './TimelineTakes.tsx'
import { TrimHandle } from './TrimHandle.tsx'

interface ShotTileProps {
  readonly shot: TimelineShot
  readonly index: number
  /** The rate trims are counted in; undefined until a run said (no trim handles then). */
  readonly fps: number | undefined
  readonly onSelect: (nodeId: string) => void
  /** Sets the shot's trims; undefined when the sequence takes no trims. */
  readonly onTrim: ((side: 'in' | 'out', frame: number, merge: boolean) => void) | undefined
  readonly onPick: (take: number) => void
}

/** `5 s`, `4.5 s`, or `no length`. */
export const seconds = (s: number | undefined) =>
  s === undefined ? 'no length' : `${Number.isInteger(s) ? s : s.toFixed(1)} s`
const usd = (value: number | undefined) => (value === undefined ? 'no price' : usdText(value))

/**
 * One shot on the timeline: its picked take's still (selects it on the canvas), its length as
 * the sequence plays it, its state and price; trim handles on the still's edges, and its takes
 * to pick from when it has several.
 */
export function ShotTile({ shot, index, fps, onSelect, onTrim, onPick }: ShotTileProps) {
  const [preview, setPreview] = useState<{ side: 'in' | 'out'; frame: number }>()
  const whole = shot.span
  // While a handle is dragged, the tile shows the trim it would set.
  const span: ClipSpan | undefined =
    shot.span && preview ? { ...shot.span, [preview.side]: preview.frame } : shot.span
  const durationSec =
    span && preview && fps !== undefined ? (span.out - span.in) / fps : shot.durationSec
  const trimmed = span !== undefined && (span.in > 0 || span.out < span.frames)
  return (
    <li
      className={`timeline-shot is-${shot.status.replace(' ', '-')}`}
      data-testid="timeline-shot"
      data-node-id={shot.nodeId}
    >
      <div className="timeline-clip">
        <button
          type="button"
          className="timeline-shot-select"
          onClick={() => onSelect(shot.nodeId)}
          title={`Select ${shot.label} on the canvas`}
        >
          {shot.thumbUrl ? (
            <img src={shot.thumbUrl} alt="" />
          ) : (
            <span className="timeline-empty" aria-hidden="true">
              {index + 1}
            </span>
          )}
        </button>
        {span && whole && onTrim ? (
          <div className="timeline-trims">
            <div className="timeline-cut-off" style={{ left: 0, width: pct(span.in, span) }} />
            <div
              className="timeline-cut-off"
              style={{ right: 0, width: pct(span.frames - span.out, span) }}
            />
            {(['in', 'out'] as const).map((side) => (
              <TrimHandle
                key={side}
                side={side}
                span={whole}
                label={`${side === 'in' ? 'Start' : 'End'} of ${shot.label}, in frames`}
                onPreview={(frame) => setPreview(frame === undefined ? undefined : { side, frame })}
                onTrim={(frame, merge) => onTrim(side, frame, merge)}
              />
            ))}
            {trimmed ? (
              <span className="timeline-frames" data-testid="timeline-frames">
                {span.out - span.in}/{span.frames} f
              </span>
            ) : null}
          </div>
        ) : null}
      </div>
      <span className="timeline-label">{shot.label}</span>
      <span className="timeline-meta" data-testid="timeline-meta">
        {seconds(durationSec)} · {shot.status} · {usd(shot.costUsd)}
        {shot.estimated && (shot.costUsd ?? 0) > 0 ? ' est.' : ''}
      </span>
      {shot.takes.count > 1 ? <TimelineTakes shot={shot} onPick={onPick} /> : null}
      {shot.videoUrl ? (
        <a href={shot.videoUrl} download={`${shot.label}.mp4`} className="timeline-download">
          Download
        </a>
      ) : null}
    </li>
  )
}

const pct = (frames: number, span: ClipSpan) => `${(frames / span.frames) * 100}%`
