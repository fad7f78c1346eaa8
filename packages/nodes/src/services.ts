import type { NodeProgress } from '@shotchain/graph'

/**
 * An image, video or sound in the content-addressed media store: what image, video and audio
 * ports carry. Plain JSON, so results can be cached and shown; the bytes live in the store under
 * `hash`.
 */
export interface MediaRef {
  readonly kind: 'image' | 'video' | 'audio'
  /** SHA-256 (hex) of the file's bytes. */
  readonly hash: string
  readonly contentType: string
  readonly sizeBytes: number
  /** The picture's size in pixels; 0 for audio. */
  readonly width: number
  readonly height: number
  /** Videos and audio only. */
  readonly durationSec?: number
  /** An http(s) URL the bytes came from, which fal can fetch directly. */
  readonly sourceUrl?: string
}

/** Media work the nodes ask for; the composition root implements it over the store and ffmpeg. */
export interface MediaServices {
  /**
   * Copies a local image or video (path as written in the workflow) into the store. Rejects when
   * the file cannot be read; `image-source` re-words that as a `validation` error naming `path`.
   */
  importFile(path: string, signal: AbortSignal): Promise<MediaRef>
  /** SHA-256 of a local file's bytes, without importing it (for fingerprints). */
  hashFile(path: string, signal: AbortSignal): Promise<string>
  /** Downloads an http(s) image or video into the store. */
  importUrl(url: string, signal: AbortSignal): Promise<MediaRef>
  /**
   * Stores bytes a node made itself (e.g. an image a pack rendered); `name` names them in errors.
   * Rejects with a `validation` error when they are not a PNG, JPEG, WebP, GIF or MP4.
   */
  importBytes(bytes: Uint8Array, name: string): Promise<MediaRef>
  extractFrame(
    video: MediaRef,
    at: 'first' | 'last' | number,
    signal: AbortSignal,
  ): Promise<MediaRef>
  /**
   * Plays an edit list into one stored video: frame-exact trims, cuts and crossfades,
   * letterboxed to the first clip's size at the list's rate, the soundtrack (if any) under it.
   * `frames` is the sequence's exact length. Rejects with `validation` for a list that does not
   * hold together (a trim beyond a clip, a crossfade longer than one).
   */
  stitch(
    list: SequenceEditList,
    signal: AbortSignal,
  ): Promise<{ readonly video: MediaRef; readonly frames: number }>
  /** A video's exact frame count (decoded, not estimated) and its frame rate. */
  countFrames(video: MediaRef, signal: AbortSignal): Promise<VideoFrames>
  /** Whether `incoming`'s first frame is the same picture as `outgoing`'s last (a chained cut). */
  repeatsAtCut(outgoing: MediaRef, incoming: MediaRef, signal: AbortSignal): Promise<boolean>
  /** How alike two stills are (the frames either side of a cut), and what is wrong if they differ. */
  seamFigures(a: MediaRef, b: MediaRef, signal: AbortSignal): Promise<SeamCheck>
}

/** What {@link MediaServices.seamFigures} measured between two stills. */
export interface SeamCheck {
  /** Structural similarity, 0..1 (1: the same picture). */
  readonly ssim: number
  /** PSNR in dB; null when the stills are identical. */
  readonly psnr: number | null
  /** Mean colour difference (CIEDE2000). */
  readonly deltaE: number
  /** One sentence per figure past the thresholds of a clean cut; empty when clean. */
  readonly problems: readonly string[]
}

/** A frame rate as a whole-number ratio: 24/1, or NTSC's 30000/1001. */
export interface FrameRatio {
  readonly numerator: number
  readonly denominator: number
}

/** What {@link MediaServices.countFrames} found: every frame counted, and the rate they play at. */
export interface VideoFrames {
  readonly frames: number
  readonly rate: FrameRatio
}

/**
 * A sequence's edit list with stored media: the shape of `@shotchain/media`'s `EditList`, whose
 * clip and soundtrack media are {@link MediaRef}s instead of file paths. Frames count from 0, out
 * points are exclusive, every length is at `rate`.
 */
export interface SequenceEditList {
  readonly name: string
  readonly rate: FrameRatio
  readonly clips: readonly SequenceClip[]
  readonly soundtrack?: SequenceSoundtrack | undefined
}

/** One clip of a {@link SequenceEditList}: its whole length, its trim and the way into the next. */
export interface SequenceClip {
  /** The clip's name in an editor (the CLI names it after the shot's node). */
  readonly label: string
  readonly media: MediaRef
  readonly frames: number
  readonly in?: number | undefined
  readonly out?: number | undefined
  readonly next?:
    | { readonly kind: 'cut' }
    | { readonly kind: 'crossfade'; readonly frames: number }
    | undefined
}

/** Music under a {@link SequenceEditList}: its length at the list's rate and its fade-out. */
export interface SequenceSoundtrack {
  readonly media: MediaRef
  readonly frames: number
  readonly fadeOutFrames?: number | undefined
}

/** What a paid node sees of fal (see `@shotchain/fal`'s gateway, which implements most of it). */
export interface FalServices {
  readonly mode: 'fal' | 'emulator'
  /** Queues a job; resolves with its request id. Never repeated behind the caller's back. */
  submit(endpoint: string, input: Record<string, unknown>, signal: AbortSignal): Promise<string>
  /**
   * Waits for a job (also one an earlier run submitted) and resolves with fal's result JSON
   * (for Kling, `{ video: { url } }`). Rejects with a catalogue-coded error on failure or cancel:
   * `cancelled` also when fal reports the job cancelled, `not-found` when fal does not know it.
   */
  wait(
    endpoint: string,
    requestId: string,
    options: {
      readonly signal: AbortSignal
      readonly onProgress: (progress: NodeProgress) => void
    },
  ): Promise<unknown>
  /** A URL fal can download this media from: its `sourceUrl`, or an upload (once per content). */
  urlOf(media: MediaRef, signal: AbortSignal): Promise<string>
}

/** Everything the built-in nodes need from outside; `ctx.services` of every node in the pack. */
export interface NodeServices {
  readonly media: MediaServices
  readonly fal: FalServices
}
