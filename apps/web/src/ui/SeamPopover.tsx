import type { DriftReport, StillRef } from '@shotchain/graph'
import { mediaUrl } from '../run/media-of.ts'
import type { TimelineSeam } from '../run/shot-timeline.ts'

/** What a seam's marker and popover show and set. */
export interface SeamPopoverProps {
  readonly seam: TimelineSeam
  readonly fromLabel: string
  readonly toLabel: string
  /** A crossfade's length when one is chosen without a length yet (half a second). */
  readonly defaultFade: number
  /** The longest crossfade: the shorter of the two trimmed clips, when both lengths are known. */
  readonly maxFade: number | undefined
  /** How far the incoming clip drifted from the sequence's first picture, once measured. */
  readonly drift: DriftReport | undefined
  /** The figures are from a run before an edit that makes the sequence run again. */
  readonly outdated: boolean
  /** The sequence takes transitions, but no run has told the rate their frames are counted in. */
  readonly waitsForRate: boolean
  /**
   * Sets the transition into the next clip (`merge`: typing in the frames field is one undo
   * entry); undefined when the sequence takes no transitions.
   */
  readonly onTransition:
    | ((transition: 'cut' | 'crossfade', frames: number | undefined, merge: boolean) => void)
    | undefined
}

const stillUrl = (still: StillRef) => mediaUrl({ kind: 'image', hash: still.hash })

/**
 * A seam up close, in a popover over the page (Escape or a click elsewhere closes it): the
 * outgoing clip's last frame and the incoming clip's first side by side, what the sequence
 * measured, and the choice of a cut or a crossfade of so many frames.
 */
export function SeamPopover(props: SeamPopoverProps & { readonly id: string }) {
  const { seam, fromLabel, toLabel, onTransition, id } = props
  const report = seam.report
  const name = `${fromLabel} → ${toLabel}`
  return (
    <div
      id={id}
      popover="auto"
      role="dialog"
      aria-labelledby={`${id}-title`}
      className="seam-popover"
      data-testid="seam-popover"
    >
      <h3 className="seam-popover-title" id={`${id}-title`}>
        Seam {name}
      </h3>
      <div className="seam-stills">
        <Still still={report?.outgoing} caption={`Last frame of ${fromLabel}`} testId="out" />
        <Still still={report?.incoming} caption={`First frame of ${toLabel}`} testId="in" />
      </div>
      {report ? (
        <dl className="seam-figures" data-testid="seam-figures">
          <dt>SSIM</dt>
          <dd>{report.ssim.toFixed(3)}</dd>
          <dt>PSNR</dt>
          <dd>{report.psnr === null ? 'identical' : `${report.psnr.toFixed(1)} dB`}</dd>
          <dt>ΔE</dt>
          <dd>{report.deltaE.toFixed(2)}</dd>
        </dl>
      ) : (
        <p>No figures for this seam: the sequence has not measured it.</p>
      )}
      {props.drift ? (
        <p data-testid="seam-drift">
          {toLabel} against the sequence’s first picture: SSIM {props.drift.ssim.toFixed(3)}, ΔE{' '}
          {props.drift.deltaE.toFixed(2)}
        </p>
      ) : null}
      {report?.flagged ? <Problems problems={report.problems} /> : null}
      {report?.droppedRepeat ? <p>The repeated first frame of {toLabel} was dropped.</p> : null}
      {props.outdated ? <p>Measured before your edits: the next run measures again.</p> : null}
      {onTransition ? <TransitionChoice {...props} onTransition={onTransition} /> : null}
      {props.waitsForRate ? (
        <p>Transitions open after a run: it tells the frame rate their frames are counted in.</p>
      ) : null}
    </div>
  )
}

/** A flagged seam's problems, one a line as the sequence said them. */
function Problems({ problems }: { problems: readonly string[] | undefined }) {
  if (problems === undefined || problems.length === 0) {
    return <p className="seam-flag">⚠ Flagged: worth a look at this cut.</p>
  }
  return (
    <div className="seam-flag" data-testid="seam-problems">
      <p>⚠ Worth a look at this cut:</p>
      <ul>
        {problems.map((problem) => (
          <li key={problem}>{problem}</li>
        ))}
      </ul>
    </div>
  )
}

function Still(props: { still: StillRef | undefined; caption: string; testId: string }) {
  return (
    <figure className="seam-still">
      {props.still ? (
        <img
          src={stillUrl(props.still)}
          alt={props.caption}
          data-testid={`seam-still-${props.testId}`}
        />
      ) : (
        <span className="seam-still-none">No still yet</span>
      )}
      <figcaption>{props.caption}</figcaption>
    </figure>
  )
}

function TransitionChoice({
  seam,
  defaultFade,
  maxFade,
  onTransition,
}: SeamPopoverProps & { onTransition: NonNullable<SeamPopoverProps['onTransition']> }) {
  const group = `seam-transition-${seam.from}`
  const fading = seam.transition === 'crossfade'
  return (
    <fieldset className="seam-transition">
      <legend>Transition</legend>
      <label>
        <input
          type="radio"
          name={group}
          checked={!fading}
          onChange={() => onTransition('cut', undefined, false)}
          data-testid="transition-cut"
        />
        Cut
      </label>
      <label>
        <input
          type="radio"
          name={group}
          checked={fading}
          onChange={() => onTransition('crossfade', seam.crossfadeFrames || defaultFade, false)}
          data-testid="transition-crossfade"
        />
        Crossfade
      </label>
      <label>
        Frames
        <input
          type="number"
          min={1}
          max={maxFade}
          step={1}
          disabled={!fading}
          value={fading ? seam.crossfadeFrames : defaultFade}
          onChange={(event) => {
            const frames = Math.round(Number(event.target.value))
            if (Number.isFinite(frames) && frames >= 1) onTransition('crossfade', frames, true)
          }}
          data-testid="crossfade-frames"
        />
      </label>
    </fieldset>
  )
}
