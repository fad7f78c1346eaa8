import { countText, usdText } from '@shotchain/graph'
import type { Timeline as TimelineModel } from '../run/shot-timeline.ts'
import { SequencePlayer } from './SequencePlayer.tsx'

interface TimelineProps {
  readonly timeline: TimelineModel
  readonly onSelect: (nodeId: string) => void
}

const seconds = (s: number | undefined) =>
  s === undefined ? 'no length' : `${Number.isInteger(s) ? s : s.toFixed(1)} s`
const usd = (value: number | undefined) => (value === undefined ? 'no price' : usdText(value))

/**
 * The shots in playing order under the canvas: still, duration, state, cost; the totals; the
 * stitched sequence in a player (and a theatre); downloads of the sequence and of each shot.
 * With no shots yet it says how to get one.
 */
export function Timeline({ timeline, onSelect }: TimelineProps) {
  // Always drawn, at one height: the canvas above keeps its size whatever the timeline holds.
  return (
    <section className="timeline" aria-label="Shot timeline" data-testid="timeline">
      {timeline.shots.length === 0 ? (
        <p className="timeline-none" data-testid="timeline-none">
          {timeline.sequenceId === undefined
            ? 'No shots yet: add a shot from the palette, and its clip shows here.'
            : 'No shots yet: connect a shot to the Sequence node, and its clip shows here.'}
        </p>
      ) : (
        <Shots timeline={timeline} onSelect={onSelect} />
      )}
      <div className="timeline-total" data-testid="timeline-total">
        {timeline.shots.length > 0 ? (
          <span>
            <strong>{seconds(timeline.totalSec)}</strong> in{' '}
            {countText(timeline.shots.length, 'shot')} · {usdText(timeline.totalUsd)}
            {timeline.estimated ? ' est.' : ''}
          </span>
        ) : null}
        {timeline.unknown.length > 0 ? (
          <span className="timeline-hint" data-testid="timeline-unknown">
            without {timeline.unknown.join(', ')}: no length or price until{' '}
            {timeline.unknown.length === 1 ? 'its problem is' : 'their problems are'} fixed
          </span>
        ) : null}
        <SequencePlayer
          url={timeline.sequenceUrl}
          fileName={timeline.sequenceFileName}
          shots={timeline.shots}
        />
      </div>
    </section>
  )
}

/** The shots in playing order, each a button that selects it on the canvas. */
function Shots({ timeline, onSelect }: TimelineProps) {
  return (
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
  )
}
