import { type EditList, framesPerSecond } from './edit-list.ts'
import { mediaFileName, mediaUrl } from './media-names.ts'
import {
  itemFields,
  type OtioClip,
  type OtioTimeline,
  type OtioTrack,
  type OtioTransition,
  rationalTime,
  timeRange,
} from './otio-schema.ts'
import { type SequenceTimes, type SoundtrackTimes, sequenceTimes } from './sequence-times.ts'
import { oneHourOfFrames } from './timecode.ts'

/** Where the timeline's record time starts. @public */
export interface EditListExportOptions {
  /** The sequence's first frame as a frame count (timecode); default 01:00:00:00. */
  readonly startFrame?: number | undefined
}

/**
 * The edit list as an OpenTimelineIO `Timeline.1`: a `Stack.1` of one `Video` track of `Clip.2`s
 * (each referencing its media file by URL, with the whole file as `available_range` and the used
 * frames as `source_range`), a `Transition.1` (`SMPTE_Dissolve`) across every crossfade, and an
 * `Audio` track with the soundtrack, its fade-out a dissolve into a zero-length `Gap.1` — the way
 * OTIO's "Timeline Structure" page writes a fade.
 *
 * OTIO centres a transition on the cut and keeps the track's length: the outgoing clip's
 * `source_range` ends and the incoming one's starts inside the fade, and the frames either side
 * are reached through `in_offset` (before the cut) and `out_offset` (after it). A crossfade of N
 * frames is written with `in_offset` ⌊N/2⌋ and `out_offset` ⌈N/2⌉, so every clip shows exactly
 * its trimmed frames and the timeline lasts exactly {@link sequenceTimes}' total.
 *
 * Sources: OTIO's docs — tutorials/otio-timeline-structure.md (transitions, fades to a Gap),
 * time-ranges.md (`visible_range`), otio-serialized-schema-only-fields.md (names and versions);
 * src/opentimelineio/track.cpp (a transition starts `in_offset` before the next item); the
 * sample files tests/sample_data/transition.otio and screening_example.otio (`Clip.2` layout).
 *
 * @throws the `validation` errors of {@link sequenceTimes}.
 * @example
 * ```ts
 * await writeFile('sequence.otio', toOtioText(list))
 * ```
 * @public
 */
export function toOtio(list: EditList, options: EditListExportOptions = {}): OtioTimeline {
  const times = sequenceTimes(list)
  const fps = framesPerSecond(list.rate)
  const { numerator, denominator } = list.rate
  const tracks = [videoTrack(times, fps)]
  if (times.soundtrack !== undefined) tracks.push(audioTrack(times.soundtrack, fps))
  return {
    OTIO_SCHEMA: 'Timeline.1',
    name: list.name,
    metadata: { shotchain: { rate: `${numerator}/${denominator}`, frames: times.totalFrames } },
    global_start_time: rationalTime(options.startFrame ?? oneHourOfFrames(list.rate), fps),
    tracks: { OTIO_SCHEMA: 'Stack.1', ...itemFields('tracks', null), children: tracks },
  }
}

/** {@link toOtio} as the text of a `.otio` file (JSON, indented like OTIO's own). @public */
export function toOtioText(list: EditList, options: EditListExportOptions = {}): string {
  return `${JSON.stringify(toOtio(list, options), null, 4)}\n`
}

/** Frames of a crossfade of `frames` before the cut and after it. @internal */
export function dissolveOffsets(frames: number): { before: number; after: number } {
  const before = Math.floor(frames / 2)
  return { before, after: frames - before }
}

function videoTrack(times: SequenceTimes, fps: number): OtioTrack {
  const children: (OtioClip | OtioTransition)[] = []
  times.clips.forEach((clip, k) => {
    // The fade into this clip shows its first frames before the cut (in_offset), so its own
    // range starts after them; the fade out of it shows its last frames after the cut.
    const head = dissolveOffsets(clip.overlapIn).before
    const tail = dissolveOffsets(clip.overlapOut).after
    const start = clip.sourceIn + head
    const used = clip.sourceOut - clip.sourceIn - head - tail
    children.push(otioClip(clip.label, clip.media, clip.frames, start, used, fps))
    if (k < times.clips.length - 1 && clip.overlapOut > 0) {
      children.push(dissolve(`${clip.label} to ${times.clips[k + 1]?.label}`, clip.overlapOut, fps))
    }
  })
  return { OTIO_SCHEMA: 'Track.1', ...itemFields('V1', null), kind: 'Video', children }
}

function audioTrack(sound: SoundtrackTimes, fps: number): OtioTrack {
  const music = otioClip('soundtrack', sound.media, sound.available, 0, sound.frames, fps)
  const fade = sound.fadeOutFrames
  const children: OtioTrack['children'] =
    fade === 0
      ? [music]
      : [
          music,
          {
            OTIO_SCHEMA: 'Transition.1',
            name: 'soundtrack fade-out',
            metadata: {},
            transition_type: 'SMPTE_Dissolve',
            in_offset: rationalTime(fade, fps),
            out_offset: rationalTime(0, fps),
          },
          { OTIO_SCHEMA: 'Gap.1', ...itemFields('', timeRange(0, 0, fps)) },
        ]
  return { OTIO_SCHEMA: 'Track.1', ...itemFields('A1', null), kind: 'Audio', children }
}

function otioClip(
  name: string,
  media: string,
  available: number,
  start: number,
  duration: number,
  fps: number,
): OtioClip {
  return {
    OTIO_SCHEMA: 'Clip.2',
    ...itemFields(name, timeRange(start, duration, fps)),
    media_references: {
      DEFAULT_MEDIA: {
        OTIO_SCHEMA: 'ExternalReference.1',
        name: mediaFileName(media),
        metadata: {},
        target_url: mediaUrl(media),
        available_range: timeRange(0, available, fps),
        available_image_bounds: null,
      },
    },
    active_media_reference_key: 'DEFAULT_MEDIA',
  }
}

function dissolve(name: string, frames: number, fps: number): OtioTransition {
  const { before, after } = dissolveOffsets(frames)
  return {
    OTIO_SCHEMA: 'Transition.1',
    name,
    metadata: {},
    transition_type: 'SMPTE_Dissolve',
    in_offset: rationalTime(before, fps),
    out_offset: rationalTime(after, fps),
  }
}
