/** The first audio stream of a file, as {@link MediaInfo.audio} reports it. */
export interface AudioStreamInfo {
  /** ffmpeg's codec name, e.g. `mp3`, `aac`, `pcm_s16le`. */
  readonly codec: string
  /** Samples per second, e.g. 44100; 0 when ffprobe does not say. */
  readonly sampleRate: number
  /** 1 for mono, 2 for stereo; 0 when ffprobe does not say. */
  readonly channels: number
}

/** What {@link MediaTools.probe} reports about a video, an image or a sound. */
export interface MediaInfo {
  /**
   * `image` for still-image files (PNG, JPEG, WebP, GIF…), `audio` for files with sound and no
   * picture (MP3, WAV, M4A, an MP4 without video), `video` for everything else.
   */
  readonly kind: 'video' | 'image' | 'audio'
  /** Container duration in seconds; 0 for images. */
  readonly durationSec: number
  /** The picture's size; 0 for audio. */
  readonly width: number
  readonly height: number
  /** Average frame rate of the video stream; 0 for images and audio. */
  readonly fps: number
  /** ffmpeg's codec name of the first video stream, e.g. `h264`, `png`; of the audio for audio. */
  readonly codec: string
  readonly sizeBytes: number
  readonly hasAudio: boolean
  /** The first audio stream; absent when the file has none. */
  readonly audio?: AudioStreamInfo
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
