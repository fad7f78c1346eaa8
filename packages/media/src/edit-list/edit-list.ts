/**
 * A finished sequence as an editor sees it: a name, a frame rate and the clips in order, each
 * trimmed, with the transition into the next one, and an optional soundtrack under the picture.
 * Every time is a whole number of frames at the list's rate; nothing here reads a file.
 *
 * @example
 * ```ts
 * const list: EditList = {
 *   name: 'Three-shot chain',
 *   rate: { numerator: 24, denominator: 1 },
 *   clips: [
 *     { label: 'shot1', media: '/runs/r1/shot1.mp4', frames: 120, out: 115 },
 *     { label: 'shot2', media: '/runs/r1/shot2.mp4', frames: 120, in: 1, next: { kind: 'crossfade', frames: 12 } },
 *     { label: 'shot3', media: '/runs/r1/shot3.mp4', frames: 120, in: 1 },
 *   ],
 * }
 * ```
 * @public
 */
export interface EditList {
  /** The sequence's name: the EDL's TITLE and the timeline's name. */
  readonly name: string
  readonly rate: FrameRate
  readonly clips: readonly EditClip[]
  readonly soundtrack?: Soundtrack | undefined
}

/**
 * A rational frame rate: `{ numerator: 24, denominator: 1 }`, or NTSC's
 * `{ numerator: 30000, denominator: 1001 }` (29.97). The stitched sequence takes the first clip's
 * rate as ffprobe reports it (`24/1` for the emulator's clips); {@link frameRateFromText} reads that.
 * @public
 */
export interface FrameRate {
  readonly numerator: number
  readonly denominator: number
}

/** One clip of an {@link EditList}. @public */
export interface EditClip {
  /** The shot's node id or name, shown as the clip's name in the editor. */
  readonly label: string
  /** The media file as the sequence references it: a path or a URL. */
  readonly media: string
  /** The clip's whole length in frames (its available media). */
  readonly frames: number
  /** First frame used, counted from 0; default 0. */
  readonly in?: number | undefined
  /** The frame after the last one used (exclusive); default `frames`, the whole clip. */
  readonly out?: number | undefined
  /** The transition from this clip into the next one; default a cut. Ignored on the last clip. */
  readonly next?: Transition | undefined
}

/**
 * How one clip becomes the next: a `cut`, or a `crossfade` of `frames` frames in which the two
 * clips overlap (the outgoing clip's last `frames` frames blend with the incoming clip's first).
 * @public
 */
export type Transition =
  | { readonly kind: 'cut' }
  | { readonly kind: 'crossfade'; readonly frames: number }

/**
 * Music laid under the picture from its first frame: cut to the picture's length when longer,
 * with a fade-out over its last `fadeOutFrames` frames.
 * @public
 */
export interface Soundtrack {
  readonly media: string
  /** Its length in frames at the list's rate. */
  readonly frames: number
  readonly fadeOutFrames?: number | undefined
}

/** The rate as a number of frames per second (29.97002997… for 30000/1001). @public */
export function framesPerSecond(rate: FrameRate): number {
  return rate.numerator / rate.denominator
}

/**
 * Reads a rate as ffprobe and ffmpeg write it (`24`, `24/1`, `30000/1001`), or `undefined` when
 * it is not a positive rational.
 * @public
 */
export function frameRateFromText(text: string): FrameRate | undefined {
  const match = /^\s*(\d+)(?:\s*\/\s*(\d+))?\s*$/.exec(text)
  if (match === null) return undefined
  const numerator = Number(match[1])
  const denominator = Number(match[2] ?? '1')
  return numerator > 0 && denominator > 0 ? { numerator, denominator } : undefined
}
