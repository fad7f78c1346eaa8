import type { TimelineShot } from '../run/timeline-shot.ts'

interface TimelineTakesProps {
  readonly shot: TimelineShot
  /** Picks a take: an undoable edit; what the pick feeds runs again. */
  readonly onPick: (take: number) => void
}

/**
 * A shot's takes on its tile, side by side: each one's last frame (or its number before it is
 * made), pressed when picked.
 */
export function TimelineTakes({ shot, onPick }: TimelineTakesProps) {
  const { count, pick } = shot.takes
  return (
    <fieldset className="timeline-takes" data-testid="timeline-takes">
      <legend className="timeline-takes-legend">Takes</legend>
      {Array.from({ length: count }, (_, k) => {
        const take = k + 1
        const run = shot.takeRuns[k]
        const picked = take === pick
        return (
          <button
            key={take}
            type="button"
            className={picked ? 'timeline-take is-picked' : 'timeline-take'}
            aria-pressed={picked}
            aria-label={`Take ${take} of ${shot.label}${picked ? ', picked' : ''}${
              run && run.state !== 'not run' ? ` (${run.state})` : ''
            }`}
            title={picked ? `Take ${take}, picked` : `Pick take ${take}`}
            onClick={() => (picked ? undefined : onPick(take))}
            data-testid={`timeline-take-${take}`}
          >
            {run?.imageUrl ? <img src={run.imageUrl} alt="" /> : null}
            <span>{take}</span>
          </button>
        )
      })}
    </fieldset>
  )
}
