import { ERROR_CODES, ShotchainError } from '@shotchain/errors'
import type { EditList } from './edit-list.ts'
import { mediaFileName } from './media-names.ts'
import { type ClipTimes, sequenceTimes } from './sequence-times.ts'
import { framesToTimecode, oneHourOfFrames } from './timecode.ts'
import type { EditListExportOptions } from './to-otio.ts'

/**
 * The edit list as a CMX 3600 edit decision list (`.edl`), the plain-text list every editor
 * imports (DaVinci Resolve, Premiere, Avid):
 *
 * - `TITLE:` the list's name; `FCM: NON-DROP FRAME` always — also at 29.97 and 23.976, where the
 *   timecode counts 30 (24) frames a second without skipping labels, so every frame count maps to
 *   one timecode exactly and `:` separates the fields (drop-frame `;` timecode is not written).
 * - One event per clip: reel `AX` (the conventional name for a file-based source, as Premiere and
 *   OTIO's cmx_3600 adapter write it; reels are at most 8 characters), channel `V`, source in/out
 *   from 00:00:00:00 (generated clips carry no timecode of their own), record in/out from
 *   `startFrame` (default 01:00:00:00). Out timecodes are exclusive, as in every EDL.
 * - A crossfade of N frames is a dissolve event in the two-line form: a zero-length `C` line on
 *   the outgoing clip's reel at the frame where the dissolve starts, then `D nnn` with the incoming
 *   clip. The dissolve starts at the incoming event's record in, so the outgoing event ends N
 *   frames before its trimmed out — OTIO's adapter reads and writes dissolves this way too.
 * - `* FROM CLIP NAME:` the media file's name (what an editor relinks an `AX` reel by),
 *   `* TO CLIP NAME:` on a dissolve, `* COMMENT:` the shot's label.
 * - The soundtrack: one `AA` (stereo) event under the picture from its first frame. CMX 3600 has
 *   no audio fade, so its fade-out is a `* COMMENT:` for the editor to apply.
 *
 * Sources: OTIO's cmx_3600 adapter (OpenTimelineIO/otio-cmx3600-adapter, formerly
 * opentimelineio/adapters/cmx_3600.py: event line layout, dissolve events, comment styles) and its
 * samples dissolve_test.edl and premiere_example.edl; the CMX 3600 reference it cites.
 *
 * @throws the `validation` errors of {@link sequenceTimes}, and one for a crossfade over 999
 * frames (a dissolve's length has three digits).
 * @example
 * ```ts
 * await writeFile('sequence.edl', toEdl(list))
 * ```
 * @public
 */
export function toEdl(list: EditList, options: EditListExportOptions = {}): string {
  const times = sequenceTimes(list)
  const start = options.startFrame ?? oneHourOfFrames(list.rate)
  const tc = (frames: number) => framesToTimecode(frames, list.rate)
  const line = (event: number, channel: string, effect: string, source: Range, record: Range) =>
    `${String(event).padStart(3, '0')}  ${'AX'.padEnd(8)} ${channel.padEnd(5)} ${effect.padEnd(8)} ` +
    `${tc(source[0])} ${tc(source[1])} ${tc(start + record[0])} ${tc(start + record[1])}`
  const out = [`TITLE: ${oneLine(list.name)}`, 'FCM: NON-DROP FRAME', '']
  times.clips.forEach((clip, k) => {
    const event = k + 1
    const source: Range = [clip.sourceIn, clip.sourceOut - clip.overlapOut]
    const record: Range = [clip.recordIn, clip.recordOut - clip.overlapOut]
    const before = times.clips[k - 1]
    if (before === undefined || clip.overlapIn === 0) {
      out.push(line(event, 'V', 'C', source, record))
      out.push(`* FROM CLIP NAME: ${oneLine(mediaFileName(clip.media))}`)
    } else {
      const from = before.sourceOut - before.overlapOut
      out.push(line(event, 'V', 'C', [from, from], [clip.recordIn, clip.recordIn]))
      out.push(line(event, 'V', `D    ${dissolveLength(clip, k)}`, source, record))
      out.push(`* FROM CLIP NAME: ${oneLine(mediaFileName(before.media))}`)
      out.push(`* TO CLIP NAME: ${oneLine(mediaFileName(clip.media))}`)
    }
    out.push(`* COMMENT: ${oneLine(clip.label)}`)
  })
  const sound = times.soundtrack
  if (sound !== undefined) {
    out.push(line(times.clips.length + 1, 'AA', 'C', [0, sound.frames], [0, sound.frames]))
    out.push(`* FROM CLIP NAME: ${oneLine(mediaFileName(sound.media))}`)
    out.push('* COMMENT: soundtrack')
    if (sound.fadeOutFrames > 0) {
      out.push(`* COMMENT: FADE OUT THE LAST ${sound.fadeOutFrames} FRAMES`)
    }
  }
  return `${out.join('\n')}\n`
}

type Range = readonly [number, number]

function dissolveLength(clip: ClipTimes, k: number): string {
  if (clip.overlapIn > 999) {
    throw new ShotchainError(
      ERROR_CODES.validation,
      `Edit list: the crossfade into clip "${clip.label}" lasts ${clip.overlapIn} frames; an EDL dissolve lasts at most 999`,
      { field: `clips[${k - 1}].next.frames` },
    )
  }
  return String(clip.overlapIn).padStart(3, '0')
}

/** A name on one line: an EDL is read line by line. */
const oneLine = (text: string) => text.replace(/\s*[\r\n]+\s*/g, ' ')
