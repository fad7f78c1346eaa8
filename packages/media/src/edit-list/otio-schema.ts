/**
 * The OpenTimelineIO objects the edit list writes, typed after OTIO's serialized schema
 * (docs/tutorials/otio-serialized-schema-only-fields.md in AcademySoftwareFoundation/
 * OpenTimelineIO, generated from the library itself) and its sample files
 * (tests/sample_data/transition.otio, screening_example.otio). Only what we write is typed.
 */

/** `RationalTime.1`: `value` frames at `rate` per second. @public */
export interface OtioRationalTime {
  readonly OTIO_SCHEMA: 'RationalTime.1'
  readonly rate: number
  readonly value: number
}

/** `TimeRange.1`. @public */
export interface OtioTimeRange {
  readonly OTIO_SCHEMA: 'TimeRange.1'
  readonly start_time: OtioRationalTime
  readonly duration: OtioRationalTime
}

/** Fields every `Item` (Clip, Gap, Track, Stack) serializes. @public */
export interface OtioItemFields {
  readonly name: string
  readonly metadata: Record<string, unknown>
  readonly source_range: OtioTimeRange | null
  readonly effects: readonly unknown[]
  readonly markers: readonly unknown[]
  readonly enabled: boolean
}

/** `ExternalReference.1`: a media file by URL, and the frames it holds. @public */
export interface OtioExternalReference {
  readonly OTIO_SCHEMA: 'ExternalReference.1'
  readonly name: string
  readonly metadata: Record<string, unknown>
  readonly target_url: string
  readonly available_range: OtioTimeRange | null
  readonly available_image_bounds: null
}

/** `Clip.2`: media references by key (OTIO 0.15 on), the active one `DEFAULT_MEDIA`. @public */
export interface OtioClip extends OtioItemFields {
  readonly OTIO_SCHEMA: 'Clip.2'
  readonly media_references: { readonly DEFAULT_MEDIA: OtioExternalReference }
  readonly active_media_reference_key: 'DEFAULT_MEDIA'
}

/** `Gap.1`: empty (transparent, silent) time. @public */
export interface OtioGap extends OtioItemFields {
  readonly OTIO_SCHEMA: 'Gap.1'
}

/**
 * `Transition.1` between the two items beside it in a track. It sits across their cut:
 * `in_offset` before it (the outgoing item's last frames), `out_offset` after it (the incoming
 * item's first), and does not change the track's length.
 * @public
 */
export interface OtioTransition {
  readonly OTIO_SCHEMA: 'Transition.1'
  readonly name: string
  readonly metadata: Record<string, unknown>
  readonly transition_type: 'SMPTE_Dissolve'
  readonly in_offset: OtioRationalTime
  readonly out_offset: OtioRationalTime
}

/** `Track.1` of kind `Video` or `Audio`. @public */
export interface OtioTrack extends OtioItemFields {
  readonly OTIO_SCHEMA: 'Track.1'
  readonly kind: 'Video' | 'Audio'
  readonly children: readonly (OtioClip | OtioGap | OtioTransition)[]
}

/** `Stack.1`: tracks played together. @public */
export interface OtioStack extends OtioItemFields {
  readonly OTIO_SCHEMA: 'Stack.1'
  readonly children: readonly OtioTrack[]
}

/** `Timeline.1`: the file's root. @public */
export interface OtioTimeline {
  readonly OTIO_SCHEMA: 'Timeline.1'
  readonly name: string
  readonly metadata: Record<string, unknown>
  readonly global_start_time: OtioRationalTime | null
  readonly tracks: OtioStack
}

/** `value` frames at `rate`. @internal */
export function rationalTime(value: number, rate: number): OtioRationalTime {
  return { OTIO_SCHEMA: 'RationalTime.1', rate, value }
}

/** `duration` frames from frame `start`, at `rate`. @internal */
export function timeRange(start: number, duration: number, rate: number): OtioTimeRange {
  return {
    OTIO_SCHEMA: 'TimeRange.1',
    start_time: rationalTime(start, rate),
    duration: rationalTime(duration, rate),
  }
}

/** An Item's fields with nothing set but its name, source range and metadata. @internal */
export function itemFields(
  name: string,
  sourceRange: OtioTimeRange | null,
  metadata: Record<string, unknown> = {},
): OtioItemFields {
  return { name, metadata, source_range: sourceRange, effects: [], markers: [], enabled: true }
}
