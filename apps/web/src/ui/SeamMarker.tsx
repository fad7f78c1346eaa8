import type { TimelineSeam } from '../run/shot-timeline.ts'
import { SeamPopover, type SeamPopoverProps } from './SeamPopover.tsx'

/** SSIM to two places, ΔE to one: as precise as a look at a cut needs. */
export const ssimText = (ssim: number) => ssim.toFixed(2)
export const deltaEText = (deltaE: number) => deltaE.toFixed(1)

/** What a seam's transition is called on the strip: `Cut`, `Fade 12 f`. */
const transitionText = (seam: TimelineSeam) =>
  seam.transition === 'crossfade' ? `Fade ${seam.overlap || seam.crossfadeFrames} f` : 'Cut'

/**
 * What is wrong with a flagged cut, as the sequence said it ("the picture jumps at the cut (SSIM
 * 0.41, under 0.9)"), else only that it is worth a look.
 */
export const problemsText = (problems: readonly string[] | undefined) =>
  problems && problems.length > 0 ? problems.join('; ') : 'worth a look'

/**
 * The join between two shots on the timeline: its transition, what the sequence measured there
 * (SSIM, ΔE), a flagged seam marked (what is wrong said to a screen reader and in its tooltip),
 * a dropped repeated frame noted. Opens the seam's
 * popover (both stills, the figures, the transition to choose).
 */
export function SeamMarker(props: SeamPopoverProps) {
  const { seam, fromLabel, toLabel } = props
  const report = seam.report
  const id = `seam-popover-${seam.from}`
  return (
    <li
      className={`timeline-seam${report?.flagged ? ' is-flagged' : ''}${props.outdated ? ' is-outdated' : ''}`}
    >
      <button
        type="button"
        popoverTarget={id}
        title={`The seam from ${fromLabel} to ${toLabel}${
          report?.flagged ? ` (flagged: ${problemsText(report.problems)})` : ''
        }: look closer, choose the transition`}
        data-testid="timeline-seam"
        data-from={seam.from}
      >
        {/* Its name is what it shows, the seam's ends said first to a screen reader. */}
        <span className="visually-hidden">
          Seam from {fromLabel} to {toLabel}:{' '}
        </span>
        <span className="timeline-seam-kind">{transitionText(seam)}</span>
        {report ? (
          <>
            <span data-testid="seam-ssim">SSIM {ssimText(report.ssim)}</span>
            <span data-testid="seam-delta-e">ΔE {deltaEText(report.deltaE)}</span>
            {report.flagged ? (
              <span className="timeline-seam-flag" data-testid="seam-flagged">
                <span aria-hidden="true">⚠ Check</span>
                <span className="visually-hidden">
                  {`Flagged: ${problemsText(report.problems)}.`}
                </span>
              </span>
            ) : null}
            {props.outdated ? (
              <span className="visually-hidden"> (measured before your edits)</span>
            ) : null}
            {report.droppedRepeat ? (
              <span className="timeline-seam-note" data-testid="seam-repeat-dropped">
                repeat dropped
              </span>
            ) : null}
          </>
        ) : null}
      </button>
      <SeamPopover {...props} id={id} />
    </li>
  )
}
