import type { NodeBodyProps } from '@shotchain/editor'
import { useState } from 'react'
import { SourcePick, sourceNameOf } from './SourcePick.tsx'

interface Loaded {
  readonly src: string
  readonly durationSec?: number
  readonly failed?: boolean
}

/** A length as a person reads it: `2.5 s` under a minute, `3:05` from one. */
export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${seconds.toFixed(1)} s`
  const whole = Math.round(seconds)
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`
}

/**
 * An audio source: a player of the sound (from the host's media URL, or its http(s) url), the
 * name of the file it came from, its length once the player has read it, and the same Browse… and
 * url field as the image source.
 */
export function AudioSourceBody({ node, editor }: NodeBodyProps) {
  const { url } = node.params
  const src = editor.imageUrl(node.params) ?? (typeof url === 'string' ? url : undefined)
  const [loaded, setLoaded] = useState<Loaded | undefined>()
  const current = loaded?.src === src ? loaded : undefined
  const name = sourceNameOf(node.params)
  return (
    <div className="sc-audio">
      <div className="sc-audio__frame">
        {src && !current?.failed ? (
          // biome-ignore lint/a11y/useMediaCaption: a soundtrack has no words to caption
          <audio
            controls
            preload="metadata"
            src={src}
            aria-label={name === '' ? 'The sound' : name}
            data-testid="audio-player"
            onLoadedMetadata={(e) => setLoaded({ src, durationSec: e.currentTarget.duration })}
            onError={() => setLoaded({ src, failed: true })}
          />
        ) : (
          <span className="sc-audio__empty">
            {src
              ? 'The sound could not be loaded'
              : name
                ? 'No player here: the sound is read when the workflow runs'
                : 'No sound yet: drop an MP3, WAV or M4A file here, browse, or give its url'}
          </span>
        )}
      </div>
      <div className="sc-audio__meta">
        <span className="sc-audio__name" title={name}>
          {name}
        </span>
        {current?.durationSec !== undefined && Number.isFinite(current.durationSec) ? (
          <span data-testid="audio-duration">{formatDuration(current.durationSec)}</span>
        ) : null}
      </div>
      <SourcePick
        node={node}
        editor={editor}
        noun="audio"
        accept="audio/mpeg,audio/wav,audio/x-wav,audio/mp4,audio/x-m4a,.mp3,.wav,.m4a"
      />
    </div>
  )
}
