import { ERROR_CODES, ShotchainError } from '@shotchain/errors'
import type { EditClip, EditList, Soundtrack } from './edit-list.ts'

/**
 * Where one clip sits: its trimmed source range and its record range on the sequence timeline,
 * frames counted from 0, out points exclusive (`out − in` is the length).
 * @public
 */
export interface ClipTimes {
  readonly label: string
  readonly media: string
  /** The clip's whole length in frames. */
  readonly frames: number
  readonly sourceIn: number
  readonly sourceOut: number
  readonly recordIn: number
  readonly recordOut: number
  /** Frames this clip overlaps the previous one (the crossfade into it); 0 after a cut. */
  readonly overlapIn: number
  /** Frames this clip overlaps the next one (the crossfade out of it); 0 before a cut. */
  readonly overlapOut: number
}

/** The soundtrack's place: from the sequence's first frame for `frames` frames. @public */
export interface SoundtrackTimes {
  readonly media: string
  /** The soundtrack's whole length in frames. */
  readonly available: number
  /** Frames laid under the picture: its length, cut to the picture's. */
  readonly frames: number
  readonly fadeOutFrames: number
}

/** Every clip's place and the sequence's length, as {@link sequenceTimes} computes them. @public */
export interface SequenceTimes {
  readonly clips: readonly ClipTimes[]
  /** The sum of the trimmed clips minus every crossfade's overlap. */
  readonly totalFrames: number
  readonly soundtrack?: SoundtrackTimes | undefined
}

/**
 * Lays the clips of an edit list end to end: a crossfade of N frames starts the next clip N
 * frames before the previous one ends, so the sequence lasts the sum of the trimmed clips minus
 * the crossfades. Three clips of 120 frames, trimmed to [5, 120), [0, 110) and whole, with one
 * crossfade of 12 between the first two, last 115 + 110 + 120 − 12 = 333 frames.
 *
 * @throws ShotchainError coded `validation` whose message names the clip (and `field` its path,
 * e.g. `clips[1].out`): a rate that is not a positive rational, no clips, a length, trim or
 * crossfade that is not a whole number, an out point at or before the in point, a trim beyond the
 * clip, a crossfade longer than either trimmed clip it joins, two crossfades that overlap on one
 * clip, a soundtrack fade longer than the music under the picture.
 * @public
 */
export function sequenceTimes(list: EditList): SequenceTimes {
  checkRate(list)
  if (list.clips.length === 0) throw invalid('clips', 'the edit list has no clips')
  const trims = list.clips.map((clip, k) => trimOf(clip, k))
  const overlaps = list.clips.map((_, k) => overlapAfter(list, trims, k))
  const clips: ClipTimes[] = []
  let recordIn = 0
  list.clips.forEach((clip, k) => {
    const { sourceIn, sourceOut } = trims[k] as Trim
    const overlapIn = k === 0 ? 0 : (overlaps[k - 1] as number)
    const overlapOut = overlaps[k] as number
    if (overlapIn + overlapOut > sourceOut - sourceIn) {
      throw invalid(
        `clips[${k}].in`,
        `${name(clip, k)}: its crossfades (${overlapIn} in, ${overlapOut} out) overlap on its ` +
          `${sourceOut - sourceIn} trimmed frames`,
      )
    }
    const recordOut = recordIn + (sourceOut - sourceIn)
    clips.push({
      label: clip.label,
      media: clip.media,
      frames: clip.frames,
      sourceIn,
      sourceOut,
      recordIn,
      recordOut,
      overlapIn,
      overlapOut,
    })
    recordIn = recordOut - overlapOut
  })
  const totalFrames = (clips.at(-1) as ClipTimes).recordOut
  const soundtrack = list.soundtrack && soundtrackTimes(list.soundtrack, totalFrames)
  return soundtrack === undefined ? { clips, totalFrames } : { clips, totalFrames, soundtrack }
}

interface Trim {
  readonly sourceIn: number
  readonly sourceOut: number
}

function checkRate(list: EditList): void {
  const { numerator, denominator } = list.rate
  if (!(isCount(numerator) && numerator > 0 && isCount(denominator) && denominator > 0)) {
    throw invalid(
      'rate',
      `the frame rate must be a positive whole-number ratio such as 24/1 or 30000/1001, got ${numerator}/${denominator}`,
    )
  }
}

function trimOf(clip: EditClip, k: number): Trim {
  const sourceIn = clip.in ?? 0
  const sourceOut = clip.out ?? clip.frames
  if (!(isCount(clip.frames) && clip.frames > 0)) {
    throw invalid(
      `clips[${k}].frames`,
      `${name(clip, k)}: its length must be a whole number of frames above 0, got ${clip.frames}`,
    )
  }
  if (!isCount(sourceIn))
    throw invalid(
      `clips[${k}].in`,
      `${name(clip, k)}: in must be a whole frame ≥ 0, got ${sourceIn}`,
    )
  if (!isCount(sourceOut))
    throw invalid(
      `clips[${k}].out`,
      `${name(clip, k)}: out must be a whole frame ≥ 0, got ${sourceOut}`,
    )
  if (sourceOut > clip.frames) {
    throw invalid(
      `clips[${k}].out`,
      `${name(clip, k)}: out ${sourceOut} is beyond its ${clip.frames} frames`,
    )
  }
  if (sourceOut <= sourceIn) {
    throw invalid(
      `clips[${k}].out`,
      `${name(clip, k)}: out ${sourceOut} is not after in ${sourceIn}`,
    )
  }
  return { sourceIn, sourceOut }
}

/** The overlap between clip k and clip k+1; a transition on the last clip joins nothing. */
function overlapAfter(list: EditList, trims: readonly Trim[], k: number): number {
  const clip = list.clips[k] as EditClip
  const next = clip.next
  if (next === undefined || next.kind === 'cut' || k === list.clips.length - 1) return 0
  const field = `clips[${k}].next.frames`
  if (!(isCount(next.frames) && next.frames > 0)) {
    throw invalid(
      field,
      `${name(clip, k)}: a crossfade lasts a whole number of frames above 0, got ${next.frames}`,
    )
  }
  for (const j of [k, k + 1]) {
    const { sourceIn, sourceOut } = trims[j] as Trim
    if (next.frames > sourceOut - sourceIn) {
      throw invalid(
        field,
        `${name(clip, k)}: its crossfade of ${next.frames} frames into ${name(list.clips[k + 1] as EditClip, k + 1)} is longer than ${name(list.clips[j] as EditClip, j)} (${sourceOut - sourceIn} frames after trimming)`,
      )
    }
  }
  return next.frames
}

function soundtrackTimes(soundtrack: Soundtrack, totalFrames: number): SoundtrackTimes {
  const { media, frames: available, fadeOutFrames = 0 } = soundtrack
  if (!(isCount(available) && available > 0)) {
    throw invalid(
      'soundtrack.frames',
      `the soundtrack's length must be a whole number of frames above 0, got ${available}`,
    )
  }
  const frames = Math.min(available, totalFrames)
  if (!(isCount(fadeOutFrames) && fadeOutFrames <= frames)) {
    throw invalid(
      'soundtrack.fadeOutFrames',
      `the soundtrack's fade-out must be a whole number of frames up to the ${frames} frames under the picture, got ${fadeOutFrames}`,
    )
  }
  return { media, available, frames, fadeOutFrames }
}

const isCount = (n: number) => Number.isSafeInteger(n) && n >= 0

const name = (clip: EditClip, k: number) => `clip "${clip.label}" (clips[${k}])`

function invalid(field: string, message: string): ShotchainError {
  return new ShotchainError(ERROR_CODES.validation, `Edit list: ${message}`, { field })
}
