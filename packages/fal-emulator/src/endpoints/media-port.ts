/** Size and kind of an image read from its first bytes. */
export interface ImageHeaderInfo {
  readonly format: string
  readonly width: number
  readonly height: number
}

/** What the emulator reads from a probed video. */
export interface VideoInfo {
  readonly durationSec: number
  readonly width: number
  readonly height: number
  readonly fps: number
}

/** Parameters of a synthetic clip from `start` to `end` (image files). */
export interface TransitionSpec {
  readonly start: string
  readonly end?: string
  readonly durationSec: number
  readonly width: number
  readonly height: number
  readonly fps: number
  /** Colours (`RRGGBB`) of a stripe on the middle half of the frames. */
  readonly stripe?: readonly string[]
  /** Picks the motion in between (a whole number), so two takes of one input differ. */
  readonly variant?: number
}

/** Parameters of a synthetic still: an image file or a plain colour, with a stripe over it. */
export interface StillSpec {
  /** Image file to draw on (scaled to cover width×height); a plain `color` when left out. */
  readonly image?: string
  /** Background (`RRGGBB`) when there is no image. */
  readonly color?: string
  readonly width: number
  readonly height: number
  /** Colours (`RRGGBB`) of a stripe of cells, placed as on clips. */
  readonly stripe?: readonly string[]
  /** Words drawn over the picture (the prompt that made it), for a person to read. */
  readonly caption?: string
}

/** Lets the caller stop the work. */
export interface SignalOption {
  readonly signal?: AbortSignal | undefined
}

/**
 * The media operations the emulator's endpoints need: `createMediaTools()` from
 * `@shotchain/media` plus its `probeImageBytes`; tests may pass a fake. Methods reject when
 * ffmpeg fails or the signal fires.
 */
export interface EmulatorMedia {
  renderTransition(spec: TransitionSpec, outFile: string, options?: SignalOption): Promise<unknown>
  /** Writes one RGB PNG of the spec's size. */
  renderStill(spec: StillSpec, outPng: string, options?: SignalOption): Promise<unknown>
  extractFrame(
    video: string,
    at: 'first' | 'last' | number,
    outPng: string,
    options?: SignalOption,
  ): Promise<unknown>
  concat(
    videos: readonly string[],
    outFile: string,
    options?: SignalOption & { width?: number; height?: number; fps?: number },
  ): Promise<unknown>
  probe(file: string, options?: SignalOption): Promise<VideoInfo & { readonly kind?: string }>
  probeImageBytes(bytes: Uint8Array): ImageHeaderInfo | undefined
}
