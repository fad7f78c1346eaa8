import { type ConcatResult, concatVideos } from './concat/concat-videos.ts'
import {
  type DecodeImageOptions,
  decodeImage,
  type ImageDecodeResult,
} from './decode/decode-image.ts'
import type { EditList } from './edit-list/edit-list.ts'
import { extractFrame, type FrameAt, type ImageSize } from './frame/extract-frame.ts'
import { countFrames } from './probe/count-frames.ts'
import type { MediaInfo } from './probe/media-info.ts'
import { probeMedia } from './probe/probe-file.ts'
import { lazyBinaryPaths } from './process/binaries.ts'
import { measurePsnr, type PsnrPixelFormat } from './quality/measure-psnr.ts'
import { type SeamFigures, seamFigures } from './seams/seam-figures.ts'
import { renderStill, type StillSpec } from './still/render-still.ts'
import { repeatsAtCut } from './stitch/repeats-at-cut.ts'
import { type StitchResult, stitchVideos } from './stitch/stitch-videos.ts'
import { makeThumbnail } from './thumbnail/make-thumbnail.ts'
import {
  renderTransition,
  type TransitionResult,
  type TransitionSpec,
} from './transition/render-transition.ts'

/** Where to find the binaries; by default the ones from `@ffmpeg-installer`/`@ffprobe-installer`. */
export interface MediaToolsOptions {
  readonly ffmpegPath?: string
  readonly ffprobePath?: string
}

/** Lets the caller stop the work: ffmpeg is killed and the call rejects with `cancelled`. */
export interface SignalOption {
  readonly signal?: AbortSignal | undefined
}

/** Options of {@link MediaTools.concat}: the sequence's shape (default: the first clip's). */
export interface ConcatOptions extends SignalOption {
  readonly width?: number | undefined
  readonly height?: number | undefined
  readonly fps?: number | undefined
}

/** Options of {@link MediaTools.psnr}. */
export interface PsnrOptions extends SignalOption {
  /** Colour space of the comparison; `yuv420p` unless told otherwise. */
  readonly pixelFormat?: PsnrPixelFormat | undefined
}

/**
 * ffmpeg-backed media operations. Every method rejects with a `ShotchainError`: `validation`
 * (naming the file) for a missing file or one that is not the expected media, `internal` (with
 * ffmpeg's last stderr lines) when ffmpeg fails, `cancelled` when the signal fires. Outputs are
 * written under a temporary name and renamed, so a failed call leaves no partial file.
 */
export interface MediaTools {
  /**
   * Duration, size, frame rate, codec, byte size and sound of a video, an image or an audio file
   * (`kind: 'audio'`, no size, its sound's codec, sample rate and channels in `audio`).
   */
  probe(file: string, options?: SignalOption): Promise<MediaInfo>
  /**
   * Writes one frame as a PNG of the video's size: `first`, `last` (the true last frame, found by
   * seeking near the end — cost independent of clip length), or the first frame at or after a time
   * in seconds (the last frame for a time inside it).
   */
  extractFrame(
    video: string,
    at: FrameAt,
    outPngFile: string,
    options?: SignalOption,
  ): Promise<ImageSize>
  /**
   * Joins clips into one H.264 MP4 (yuv420p, faststart) lasting the sum of their durations. Clips
   * that differ are letterboxed to the target size and resampled to its frame rate; clips that
   * match are joined by stream copy.
   */
  concat(videos: readonly string[], outFile: string, options?: ConcatOptions): Promise<ConcatResult>
  /**
   * Plays an edit list whose clip and soundtrack media are local paths into one H.264 MP4 with
   * frame-exact trims, cuts and crossfades, letterboxed to the first clip's size at the list's
   * rate, the soundtrack (if any) under it as AAC, cut or silence-padded to the picture and faded
   * out. The result has exactly `sequenceTimes(list).totalFrames` frames. Rejects with
   * `validation` for a bad list (the field at fault in `field`) or a missing or wrong file.
   */
  stitch(list: EditList, outFile: string, options?: SignalOption): Promise<StitchResult>
  /** The exact number of frames of a video (decoded and counted, not estimated). */
  countFrames(video: string, options?: SignalOption): Promise<number>
  /**
   * Whether `incoming` starts on `outgoing`'s last picture (PSNR ≥ `REPEAT_PSNR_DB`), as a shot
   * chained from the previous shot's last frame does.
   */
  repeatsAtCut(outgoing: string, incoming: string, options?: SignalOption): Promise<boolean>
  /** A small `.jpg` or `.png` poster (a video's middle frame) no larger than `maxSide` either way. */
  thumbnail(
    imageOrVideo: string,
    outFile: string,
    maxSide: number,
    options?: SignalOption,
  ): Promise<ImageSize>
  /** A synthetic clip from the start image to the end image; see {@link TransitionSpec}. */
  renderTransition(
    spec: TransitionSpec,
    outFile: string,
    options?: SignalOption,
  ): Promise<TransitionResult>
  /** One PNG: an image or a plain colour with a stripe of cells drawn over it; see {@link StillSpec}. */
  renderStill(spec: StillSpec, outPngFile: string, options?: SignalOption): Promise<ImageSize>
  /** PSNR in dB between two same-sized images or videos; `Infinity` when identical. */
  psnr(fileA: string, fileB: string, options?: PsnrOptions): Promise<number>
  /**
   * How alike two stills are, e.g. the last frame of one shot and the first of the next: SSIM,
   * PSNR (`null` when identical) and the mean CIEDE2000 colour difference, compared at 256 px
   * wide in A's shape (B is scaled to it). Judge them with `seamProblems`.
   */
  seamFigures(imageA: string, imageB: string, options?: SignalOption): Promise<SeamFigures>
  /**
   * Decodes an image for real, within a pixel cap: its size, or the problem a person must fix
   * (not an image, too many pixels, cut short or damaged). See `decodeImage`.
   */
  decodeImage(file: string, options?: DecodeImageOptions): Promise<ImageDecodeResult>
}

/**
 * Creates the media tools. Resolving the binaries is deferred to the first call, which rejects
 * with `internal` when no ffmpeg is available for this platform.
 *
 * @example
 * const media = createMediaTools()
 * await media.extractFrame('shot1.mp4', 'last', 'shot1-last.png')
 * await media.concat(['shot1.mp4', 'shot2.mp4'], 'sequence.mp4')
 */
export function createMediaTools(options: MediaToolsOptions = {}): MediaTools {
  const bins = lazyBinaryPaths(options)
  return {
    probe: async (file, o) => {
      const details = await probeMedia(bins().ffprobe, file, o?.signal)
      const { kind, durationSec, width, height, fps, codec, sizeBytes, hasAudio, audio } = details
      const info = { kind, durationSec, width, height, fps, codec, sizeBytes, hasAudio }
      return audio === undefined ? info : { ...info, audio }
    },
    extractFrame: (video, at, out, o) => extractFrame(bins(), video, at, out, o?.signal),
    concat: (videos, out, o = {}) =>
      concatVideos(bins(), videos, out, { width: o.width, height: o.height, fps: o.fps }, o.signal),
    stitch: (list, out, o) => stitchVideos(bins(), list, out, o?.signal),
    countFrames: (video, o) => countFrames(bins().ffprobe, video, o?.signal),
    repeatsAtCut: (a, b, o) => repeatsAtCut(bins(), a, b, o?.signal),
    thumbnail: (input, out, maxSide, o) => makeThumbnail(bins(), input, out, maxSide, o?.signal),
    renderTransition: (spec, out, o) => renderTransition(bins(), spec, out, o?.signal),
    renderStill: (spec, out, o) => renderStill(bins(), spec, out, o?.signal),
    psnr: (a, b, o) => measurePsnr(bins(), a, b, o?.pixelFormat ?? 'yuv420p', o?.signal),
    seamFigures: (a, b, o) => seamFigures(bins(), a, b, o?.signal),
    decodeImage: (file, o) => decodeImage(bins().ffprobe, file, o),
  }
}
