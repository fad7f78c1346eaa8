import { type FrameRate, framesPerSecond } from './edit-list.ts'

/**
 * The whole number of frames a timecode second counts at this rate: 24 for 24 and 23.976, 30 for
 * 30 and 29.97. Non-drop-frame timecode counts every frame at this base, so at 29.97 it runs
 * 3.6 s an hour behind the clock but never skips a label.
 * @public
 */
export function timecodeBase(rate: FrameRate): number {
  return Math.max(1, Math.round(framesPerSecond(rate)))
}

/**
 * A frame count as non-drop-frame SMPTE timecode `HH:MM:SS:FF` (frame 0 is `00:00:00:00`; at 24
 * fps frame 86400 is `01:00:00:00`). Hours wrap at 24, as timecode does.
 * @throws RangeError for a negative or fractional frame count (a bug in the caller).
 * @public
 */
export function framesToTimecode(frames: number, rate: FrameRate): string {
  if (!(Number.isSafeInteger(frames) && frames >= 0)) {
    throw new RangeError(`timecode needs a whole frame count ≥ 0, got ${frames}`)
  }
  const base = timecodeBase(rate)
  const ff = frames % base
  const seconds = Math.floor(frames / base)
  const parts = [Math.floor(seconds / 3600) % 24, Math.floor(seconds / 60) % 60, seconds % 60, ff]
  return parts.map((n) => String(n).padStart(2, '0')).join(':')
}

/**
 * Reads non-drop-frame timecode `HH:MM:SS:FF` back into a frame count, or `undefined` when the
 * text is not timecode at this rate (a frame field at or above the base, minutes or seconds ≥ 60).
 * @public
 */
export function timecodeToFrames(timecode: string, rate: FrameRate): number | undefined {
  const match = /^(\d{2}):(\d{2}):(\d{2}):(\d{2})$/.exec(timecode.trim())
  if (match === null) return undefined
  const [hh, mm, ss, ff] = match.slice(1).map(Number) as [number, number, number, number]
  const base = timecodeBase(rate)
  if (mm >= 60 || ss >= 60 || ff >= base) return undefined
  return ((hh * 60 + mm) * 60 + ss) * base + ff
}

/**
 * Frame 01:00:00:00 at this rate — where editors (DaVinci Resolve, Premiere, Avid) start a
 * timeline's record timecode by default, and so where the EDL and the OTIO timeline start.
 * @public
 */
export function oneHourOfFrames(rate: FrameRate): number {
  return timecodeBase(rate) * 3600
}
