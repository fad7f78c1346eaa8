import { useEffect, useRef, useState } from 'react'
import type { TimelineShot } from '../run/timeline-shot.ts'

interface SequencePlayerProps {
  /** The stitched sequence of the run shown; undefined before one was made. */
  readonly url: string | undefined
  readonly fileName: string | undefined
  /** The shots it stitches, in playing order: where each cut falls. */
  readonly shots: readonly TimelineShot[]
}

/**
 * The stitched sequence in a small player in the timeline, with where each cut falls under it;
 * "Watch large" opens it in a theatre (a modal dialog most of the window wide, Escape closes),
 * where the cut can be judged. Before a run, a box of the same size says it plays here.
 */
export function SequencePlayer({ url, fileName, shots }: SequencePlayerProps) {
  const theatre = useRef<HTMLDialogElement>(null)
  const large = useRef<HTMLVideoElement>(null)
  const small = useRef<HTMLVideoElement>(null)
  const [open, setOpen] = useState(false)
  // Closed by Escape, the Close button or the form method: the large player goes.
  useEffect(() => {
    const dialog = theatre.current
    if (!dialog) return
    const closed = () => setOpen(false)
    dialog.addEventListener('close', closed)
    return () => dialog.removeEventListener('close', closed)
  }, [url])
  useEffect(() => {
    if (!open) return
    // From the small player's moment, so the large one goes on where the person was.
    const from = small.current
    small.current?.pause()
    const video = large.current
    if (video && from) video.currentTime = from.currentTime
    void video?.play().catch(() => {})
  }, [open])
  if (url === undefined) {
    return (
      <div className="sequence-screen is-empty">The stitched sequence plays here after a run.</div>
    )
  }
  return (
    <>
      <div className="sequence-screen">
        {/* biome-ignore lint/a11y/useMediaCaption: generated clips have no speech to caption. */}
        <video ref={small} src={url} controls preload="metadata" data-testid="sequence-player" />
      </div>
      <Cuts shots={shots} video={small} />
      <div className="sequence-actions">
        <button
          type="button"
          onClick={() => {
            theatre.current?.showModal()
            setOpen(true)
          }}
          data-testid="theatre-open"
        >
          Watch large
        </button>
        <a href={url} download={fileName} data-testid="sequence-download">
          Download the sequence
        </a>
      </div>
      <dialog
        ref={theatre}
        className="sequence-theatre"
        aria-label="The stitched sequence, large"
        data-testid="theatre"
      >
        {open ? (
          <>
            {/* biome-ignore lint/a11y/useMediaCaption: generated clips have no speech to caption. */}
            <video ref={large} src={url} controls data-testid="theatre-player" />
            <Cuts shots={shots} video={large} />
          </>
        ) : null}
        <button
          type="button"
          className="sequence-theatre-close"
          onClick={() => theatre.current?.close()}
          data-testid="theatre-close"
        >
          Close (Esc)
        </button>
      </dialog>
    </>
  )
}

/**
 * What `Cuts` draws: each shot's share of the sequence's length (until the next one starts, a
 * crossfade's overlap given to the incoming shot), and where it starts.
 */
function cutsOf(shots: readonly TimelineShot[]) {
  const known = shots.filter(
    (s) => s.durationSec !== undefined && s.durationSec > 0 && s.startSec !== undefined,
  )
  const ends = known.map(
    (s, k) => known[k + 1]?.startSec ?? (s.startSec ?? 0) + (s.durationSec ?? 0),
  )
  const total = ends.at(-1) ?? 0
  return known.map((shot, k) => ({
    nodeId: shot.nodeId,
    label: shot.label,
    startSec: shot.startSec ?? 0,
    share: ((ends[k] ?? 0) - (shot.startSec ?? 0)) / total,
  }))
}

/**
 * A bar under a player, one part per shot as long as the shot: the lines between the parts are
 * the cuts. A part starts the player at its shot.
 */
function Cuts(props: {
  shots: readonly TimelineShot[]
  video: React.RefObject<HTMLVideoElement | null>
}) {
  return (
    <ol className="sequence-cuts" aria-label="Shots in the sequence" data-testid="sequence-cuts">
      {cutsOf(props.shots).map((cut) => (
        <li key={cut.nodeId} style={{ flexGrow: cut.share }} data-testid="sequence-cut">
          <button
            type="button"
            className="sequence-cut"
            title={`Play from ${cut.label}`}
            onClick={() => {
              const video = props.video.current
              if (!video) return
              video.currentTime = cut.startSec
              void video.play().catch(() => {})
            }}
          >
            {cut.label}
          </button>
        </li>
      ))}
    </ol>
  )
}
