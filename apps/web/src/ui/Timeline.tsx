import { type ClipEdit, countText, type GraphCommand, usdText } from '@shotchain/graph'
import { withTransition, withTrim } from '../run/clip-edits.ts'
import type { Timeline as TimelineModel } from '../run/shot-timeline.ts'
import { SeamMarker } from './SeamMarker.tsx'
import { SequencePlayer } from './SequencePlayer.tsx'
import { ShotTile, seconds } from './ShotTile.tsx'

interface TimelineProps {
  readonly timeline: TimelineModel
  readonly onSelect: (nodeId: string) => void
  /**
   * Applies an edit of the document (a take picked, a trim, a transition) as one undo entry;
   * edits with one `mergeKey` in a row (key presses on a trim handle) are one entry.
   */
  readonly onEdit: (command: GraphCommand, mergeKey?: string) => void
}

/**
 * The shots in playing order under the canvas: still, duration after trims, state, cost, takes
 * to pick, trim handles; the seams between them with what the sequence measured; the totals;
 * the stitched sequence in a player (and a theatre); downloads of the sequence and of each shot.
 * With no shots yet it says how to get one.
 */
export function Timeline({ timeline, onSelect, onEdit }: TimelineProps) {
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
        <Shots timeline={timeline} onSelect={onSelect} onEdit={onEdit} />
      )}
      <div className="timeline-total" data-testid="timeline-total">
        {timeline.shots.length > 0 ? (
          <span>
            <strong>{seconds(timeline.totalSec)}</strong> in{' '}
            {countText(timeline.shots.length, 'shot')} · {usdText(timeline.totalUsd)}
            {timeline.estimated ? ' est.' : ''}
          </span>
        ) : null}
        {timeline.editsParam !== undefined &&
        timeline.fps === undefined &&
        timeline.shots.length > 0 ? (
          // Trims are frames of the clips' own rate, which only a run of the sequence tells.
          <span
            className="timeline-hint"
            data-testid="timeline-rate-unknown"
            title="Trims and crossfades count frames at the clips’ own rate, which a run tells"
          >
            {timeline.editsUncounted
              ? 'Length before its trims: a run tells the frame rate'
              : 'Trims open after a run: it tells the frame rate'}
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

/**
 * The shots in playing order, each a tile (selects it on the canvas, trims it, picks its take),
 * with the seam between each two.
 */
function Shots({ timeline, onSelect, onEdit }: TimelineProps) {
  const { sequenceId, editsParam, edits, fps } = timeline
  const setEdits = (value: readonly ClipEdit[], mergeKey?: string) => {
    if (sequenceId === undefined || editsParam === undefined) return
    onEdit({ type: 'setParam', node: sequenceId, key: editsParam, value }, mergeKey)
  }
  // Trims are frames of the clips' own rate, which only a run of the sequence tells.
  const canEdit = sequenceId !== undefined && editsParam !== undefined && fps !== undefined
  return (
    <ol className="timeline-shots" aria-label="Shots and seams in playing order">
      {timeline.shots.flatMap((shot, k) => {
        const seam = timeline.seams[k - 1]
        const before = timeline.shots[k - 1]
        const tile = (
          <ShotTile
            key={shot.nodeId}
            shot={shot}
            index={k}
            fps={fps}
            onSelect={onSelect}
            onPick={(pick) =>
              onEdit({ type: 'setTakes', node: shot.nodeId, takes: { ...shot.takes, pick } })
            }
            onTrim={
              canEdit
                ? (side, frame, merge) =>
                    setEdits(
                      withTrim(edits, k, side, frame, shot.span?.frames ?? frame),
                      merge ? `trim:${shot.nodeId}:${side}` : undefined,
                    )
                : undefined
            }
          />
        )
        // A sequence that neither measures nor edits its seams has nothing to say between clips.
        const shown = canEdit || timeline.measuresSeams
        if (seam === undefined || before === undefined || !shown) return [tile]
        const marker = (
          <SeamMarker
            key={`seam-${seam.from}`}
            seam={seam}
            fromLabel={before.label}
            toLabel={shot.label}
            defaultFade={Math.max(1, Math.round((fps ?? 0) / 2))}
            maxFade={
              before.span && shot.span
                ? Math.min(before.span.out - before.span.in, shot.span.out - shot.span.in)
                : undefined
            }
            outdated={timeline.seamsOutdated}
            waitsForRate={editsParam !== undefined && fps === undefined}
            drift={shot.drift}
            onTransition={
              canEdit
                ? (transition, frames, merge) =>
                    setEdits(
                      withTransition(edits, seam.from, transition, frames),
                      merge ? `fade:${seam.from}` : undefined,
                    )
                : undefined
            }
          />
        )
        return [marker, tile]
      })}
    </ol>
  )
}
