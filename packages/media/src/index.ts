export { type ImageHeader, probeImageBytes } from './bytes/probe-image-bytes.ts'
export { type SniffedMediaType, sniffMediaType } from './bytes/sniff-media-type.ts'
export type { ConcatResult } from './concat/concat-videos.ts'
export {
  type ConcatOptions,
  createMediaTools,
  type MediaTools,
  type MediaToolsOptions,
  type PsnrOptions,
  type SignalOption,
} from './create-media-tools.ts'
export {
  DEFAULT_MAX_IMAGE_PIXELS,
  type DecodeImageOptions,
  type ImageDecodeResult,
} from './decode/decode-image.ts'
export {
  type EditClip,
  type EditList,
  type FrameRate,
  frameRateFromText,
  framesPerSecond,
  type Soundtrack,
  type Transition,
} from './edit-list/edit-list.ts'
export type {
  OtioClip,
  OtioExternalReference,
  OtioGap,
  OtioItemFields,
  OtioRationalTime,
  OtioStack,
  OtioTimeline,
  OtioTimeRange,
  OtioTrack,
  OtioTransition,
} from './edit-list/otio-schema.ts'
export {
  type ClipTimes,
  type SequenceTimes,
  type SoundtrackTimes,
  sequenceTimes,
} from './edit-list/sequence-times.ts'
export {
  framesToTimecode,
  oneHourOfFrames,
  timecodeBase,
  timecodeToFrames,
} from './edit-list/timecode.ts'
export { toEdl } from './edit-list/to-edl.ts'
export { type EditListExportOptions, toOtio, toOtioText } from './edit-list/to-otio.ts'
export type { FrameAt, ImageSize } from './frame/extract-frame.ts'
export type { AudioStreamInfo, MediaInfo } from './probe/media-info.ts'
export type { PsnrPixelFormat } from './quality/measure-psnr.ts'
export type { SeamFigures } from './seams/seam-figures.ts'
export { SEAM_MAX_DELTA_E, SEAM_MIN_SSIM, seamProblems } from './seams/seam-problems.ts'
export type { StillSpec } from './still/render-still.ts'
export { REPEAT_PSNR_DB } from './stitch/repeats-at-cut.ts'
export type { StitchResult } from './stitch/stitch-videos.ts'
export type { TransitionResult, TransitionSpec } from './transition/render-transition.ts'
export { stripeGeometry } from './transition/transition-filter.ts'
export { variantOf } from './transition/transition-motion.ts'
