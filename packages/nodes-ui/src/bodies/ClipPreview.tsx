import { type KeyboardEvent, type PointerEvent, useRef, useState } from 'react'

interface ClipPreviewProps {
  readonly url: string
  /** The video element's test id (`kling-video`, `model-video`). */
  readonly testId: string
}

const STEP_SEC = 1

/**
 * A node's clip with nothing over the picture: a press on the frame plays or pauses it (muted,
 * looping), a thin bar under the frame shows where it is and scrubs on a press or drag (arrow
 * keys when focused). The bar follows the clip through its element, not through React state:
 * a playing clip re-renders nothing.
 */
export function ClipPreview({ url, testId }: ClipPreviewProps) {
  const video = useRef<HTMLVideoElement>(null)
  const bar = useRef<HTMLDivElement>(null)
  const [playing, setPlaying] = useState(false)
  const toggle = () => {
    const clip = video.current
    if (!clip) return
    if (clip.paused) void clip.play().catch(() => {})
    else clip.pause()
  }
  const follow = () => {
    const clip = video.current
    const track = bar.current
    if (!clip || !track || !(clip.duration > 0)) return
    const at = clip.currentTime / clip.duration
    track.style.setProperty('--at', String(at))
    track.setAttribute('aria-valuenow', String(Math.round(at * 100)))
  }
  const seekTo = (seconds: number) => {
    const clip = video.current
    if (!clip || !(clip.duration > 0)) return
    clip.currentTime = Math.min(clip.duration, Math.max(0, seconds))
    follow()
  }
  const scrub = (event: PointerEvent<HTMLDivElement>) => {
    if (event.type === 'pointermove' && event.buttons === 0) return
    if (event.type === 'pointerdown') event.currentTarget.setPointerCapture(event.pointerId)
    const box = event.currentTarget.getBoundingClientRect()
    seekTo(((event.clientX - box.left) / box.width) * (video.current?.duration ?? 0))
  }
  const step = (event: KeyboardEvent<HTMLDivElement>) => {
    const delta = event.key === 'ArrowRight' ? STEP_SEC : event.key === 'ArrowLeft' ? -STEP_SEC : 0
    if (delta === 0) return
    event.preventDefault()
    seekTo((video.current?.currentTime ?? 0) + delta)
  }
  return (
    <div className="sc-clip">
      <button
        type="button"
        className="sc-clip__frame"
        aria-label={playing ? 'Pause the clip' : 'Play the clip'}
        onClick={toggle}
        data-testid="clip-toggle"
      >
        <video
          ref={video}
          src={url}
          muted
          loop
          playsInline
          preload="metadata"
          onPlay={() => setPlaying(true)}
          onPause={() => setPlaying(false)}
          onTimeUpdate={follow}
          onLoadedMetadata={follow}
          data-testid={testId}
        />
      </button>
      <div
        ref={bar}
        className="sc-clip__bar"
        role="slider"
        tabIndex={0}
        aria-label="Where the clip is"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={0}
        data-no-drag
        onPointerDown={scrub}
        onPointerMove={scrub}
        onKeyDown={step}
        data-testid="clip-bar"
      />
    </div>
  )
}
