/**
 * How a sequence plays one of its clips (by clip order): frame trims and the transition into the
 * next clip. Stored in the sequence node's params (the param its role names `edits`), so trims
 * and transitions are undoable edits saved with the workflow.
 * @public
 */
export interface ClipEdit {
  /** First frame played, counted from 0; default 0. */
  readonly in?: number
  /** The frame after the last one played (exclusive); default the clip's length. */
  readonly out?: number
  /** Into the next clip; default a cut. Ignored on the last clip. */
  readonly transition?: 'cut' | 'crossfade'
  /** A crossfade's length in frames (the two clips overlap by it). */
  readonly crossfadeFrames?: number
}

/** A still the run stored (a frame either side of a cut): enough to show it. @public */
export interface StillRef {
  readonly hash: string
  readonly contentType: string
}

/**
 * What a sequence measured at one cut, between clip `from` (0-based, in play order) and clip
 * `from + 1`, comparing the outgoing clip's last frame played with the incoming one's first.
 * Kept in the sequence's result under the key its role names `seams`.
 * @public
 */
export interface SeamReport {
  readonly from: number
  /** Structural similarity, 0..1 (1: the same picture). */
  readonly ssim: number
  /** Peak signal-to-noise ratio in dB; null when the frames are identical (infinite). */
  readonly psnr: number | null
  /** Mean colour difference (CIE ΔE) over the picture; about 2.3 is just noticeable. */
  readonly deltaE: number
  /** Over the sequence's thresholds: worth a look. */
  readonly flagged: boolean
  /** What is wrong with the cut, one sentence per figure past its threshold; none when clean. */
  readonly problems?: readonly string[]
  /** The incoming clip's first frame repeated the outgoing clip's last, and was dropped. */
  readonly droppedRepeat: boolean
  readonly outgoing?: StillRef
  readonly incoming?: StillRef
}

/**
 * How far clip `clip` has drifted from the sequence's first picture: its first frame played
 * against the first clip's first frame. Kept beside the seams, under the key its role names `drift`.
 * @public
 */
export interface DriftReport {
  readonly clip: number
  readonly ssim: number
  readonly deltaE: number
}
