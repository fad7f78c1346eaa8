import type { Timeline as TimelineModel } from '../run/shot-timeline.ts'

interface TimelineProps {
  readonly timeline: TimelineModel
  readonly onSelect: (nodeId: string) => void
}

const seconds = (s: number | undefined) =>
  s === undefined ? 'no length' : `${Number.isInteger(s) ? s : s.toFixed(1)} s`
const usd = (value: number | undefined) =>
  value === undefined ? 'no price' : `$${value.toFixed(2)}`

/**
 * The shots in playing order under the canvas: still, duration, state, cost; the totals; the
 * stitched sequence in a player; downloads of the sequence and of each shot.
 */
export function Timeline({ timeline, onSelect }: TimelineProps) {
  if (timeline.shots.length === 0) return null
  return (
    <section className="timeline" aria-label="Shot timeline" data-testid="timeline">
      <ol className="timeline-shots">
        {timeline.shots.map((shot, k) => (
          <li
            key={shot.nodeId}
            className={`timeline-shot is-${shot.status.replace(' ', '-')}`}
            data-testid="timeline-shot"
            data-node-id={shot.nodeId}
          >
            <button
              type="button"
              onClick={() => onSelect(shot.nodeId)}
              title={`Select ${shot.label} on the canvas`}
            >
              {shot.thumbUrl ? (
                <img src={shot.thumbUrl} alt="" />
              ) : (
                <span className="timeline-empty">{k + 1}</span>
              )}
              <span className="timeline-label">{shot.label}</span>
              <span className="timeline-meta">
                {seconds(shot.durationSec)} · {shot.status} · {usd(shot.costUsd)}
                {shot.estimated && (shot.costUsd ?? 0) > 0 ? ' est.' : ''}
              </span>
            </button>
            {shot.videoUrl ? (
              <a href={shot.videoUrl} download={`${shot.label}.mp4`} className="timeline-download">
                Download
              </a>
            ) : null}
          </li>
        ))}
      </ol>
      <div className="timeline-total" data-testid="timeline-total">
        <strong>{seconds(timeline.totalSec)}</strong> in {timeline.shots.length} shots · $
        {timeline.totalUsd.toFixed(2)}
        {timeline.estimated ? ' est.' : ''}
        {timeline.unknown.length > 0 ? (
          <span className="timeline-hint" data-testid="timeline-unknown">
            without {timeline.unknown.join(', ')}: no length or price until{' '}
            {timeline.unknown.length === 1 ? 'its problem is' : 'their problems are'} fixed
          </span>
        ) : null}
        {timeline.sequenceUrl ? (
          <>
            {/* biome-ignore lint/a11y/useMediaCaption: generated clips have no speech to caption. */}
            <video
              src={timeline.sequenceUrl}
              controls
              preload="metadata"
              data-testid="sequence-player"
            />
            <a
              href={timeline.sequenceUrl}
              download={timeline.sequenceFileName}
              data-testid="sequence-download"
            >
              Download the sequence
            </a>
          </>
        ) : (
          <span className="timeline-hint">The stitched sequence plays here after a run.</span>
        )}
      </div>
    </section>
  )
}
