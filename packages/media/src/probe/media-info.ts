/** What {@link MediaTools.probe} reports about a video or an image. */
export interface MediaInfo {
  /** `image` for still-image files (PNG, JPEG, WebP, GIF…), `video` for everything else. */
  readonly kind: 'video' | 'image'
  /** Container duration in seconds; 0 for images. */
  readonly durationSec: number
  readonly width: number
  readonly height: number
  /** Average frame rate of the video stream; 0 for images. */
  readonly fps: number
  /** ffmpeg's codec name of the first video stream, e.g. `h264`, `png`. */
  readonly codec: string
  readonly sizeBytes: number
  readonly hasAudio: boolean
}

/** Facts about a file beyond {@link MediaInfo} that the tools need to plan ffmpeg commands. */
export interface ProbeDetails extends MediaInfo {
  readonly formatName: string
  /** Frame rate as ffmpeg's exact rational, e.g. `30000/1001`; `''` when unknown. */
  readonly frameRate: string
  /** Sample aspect ratio as `num:den`; `1:1` when unknown. */
  readonly sar: string
  readonly pixFmt: string
  readonly timeBase: string
  /** Everything that must match between clips for a stream-copy concat. */
  readonly videoSignature: string
  /** Audio codec parameters, or `''` without audio. */
  readonly audioSignature: string
  /** Seconds from the start of the file to the end of the video stream. */
  readonly videoEndSec: number
}
