import { writeAtomically } from '../files/media-files.ts'
import { probeFile } from '../probe/probe-file.ts'
import { h264Args, MP4_ARGS } from '../process/encode-args.ts'
import { validationError } from '../process/media-errors.ts'
import { runFfmpeg } from '../process/run-tool.ts'
import { transitionFilter } from './transition-filter.ts'

/** What {@link renderTransition} should draw. */
export interface TransitionSpec {
  /** Image file the clip starts on (its first frame). */
  readonly start: string
  /** Image file the clip ends on (its last frame); without it the clip drifts from `start`. */
  readonly end?: string | undefined
  readonly durationSec: number
  /** Even, ≥ 2; images are scaled to cover width×height and cropped. */
  readonly width: number
  readonly height: number
  /** Frames per second; 24 when left out. */
  readonly fps?: number | undefined
  /**
   * Colours (`RRGGBB`) of a stripe of cells drawn across the lower part of the middle half of
   * the frames (the fal emulator encodes the prompt in it); none when left out.
   */
  readonly stripe?: readonly string[] | undefined
  /**
   * Picks one of many motions (pan directions, zoom, a hue swing mid-clip), e.g. a hash of a
   * request id (`variantOf`), so two takes differ; every variant still starts on `start` and
   * ends on `end`. Left out: the plain zoom (or drift) with no hue swing.
   */
  readonly variant?: number | undefined
}

/** The clip {@link renderTransition} wrote. */
export interface TransitionResult {
  readonly frames: number
  readonly durationSec: number
}

function checkSpec(spec: TransitionSpec, fps: number): number {
  for (const side of ['width', 'height'] as const) {
    const value = spec[side]
    if (!(Number.isInteger(value) && value >= 2 && value <= 8192 && value % 2 === 0)) {
      throw validationError(
        `Transition ${side} must be an even whole number from 2 to 8192, got ${value}`,
      )
    }
  }
  if (spec.variant !== undefined && !Number.isSafeInteger(spec.variant)) {
    throw validationError(`Transition variant must be a whole number, got ${spec.variant}`)
  }
  if (!(Number.isFinite(fps) && fps > 0 && fps <= 240)) {
    throw validationError(`Transition fps must be between 0 and 240, got ${fps}`)
  }
  for (const color of spec.stripe ?? []) {
    if (!/^[0-9a-f]{6}$/i.test(color)) {
      throw validationError(`Transition stripe colours are RRGGBB hex, got "${color}"`)
    }
  }
  const frames = Math.round(spec.durationSec * fps)
  if (!(Number.isFinite(spec.durationSec) && frames >= 2)) {
    throw validationError(
      `Transition duration must give at least 2 frames, got ${spec.durationSec} s`,
    )
  }
  return frames
}

/**
 * Renders a synthetic clip, as the fal emulator's stand-in for Kling: an H.264 MP4 (yuv420p,
 * faststart) of exactly round(durationSec × fps) frames whose first frame is the start image and
 * whose last frame is the end image, crossfading under a slow zoom; without an end image it zooms
 * and drifts from the start image. Rejects with `validation` for a missing or non-image file or a
 * bad size, duration or frame rate.
 *
 * @example
 * await tools.renderTransition({ start: 'a.png', end: 'b.png', durationSec: 5, width: 1280, height: 720 }, 'clip.mp4')
 */
export async function renderTransition(
  bins: { ffmpeg: string; ffprobe: string },
  spec: TransitionSpec,
  outFile: string,
  signal?: AbortSignal,
): Promise<TransitionResult> {
  const fps = spec.fps ?? 24
  const frames = checkSpec(spec, fps)
  const images = spec.end === undefined ? [spec.start] : [spec.start, spec.end]
  const probed = await Promise.all(images.map((f) => probeFile(bins.ffprobe, f, signal)))
  probed.forEach((details, i) => {
    if (details.kind !== 'image') {
      throw validationError(`A transition needs still images; ${images[i]} is a video`)
    }
  })
  const graph = transitionFilter({
    width: spec.width,
    height: spec.height,
    fps,
    frames,
    hasEnd: spec.end !== undefined,
    stripe: spec.stripe,
    variant: spec.variant,
  })
  const inputs = images.flatMap((f) => ['-i', f])
  const filter = ['-filter_complex', graph, '-map', '[v]', '-frames:v', String(frames)]
  const output = [...h264Args(fps), '-r', String(fps), ...MP4_ARGS]
  const what = `rendering a ${spec.durationSec} s transition into ${outFile}`
  await writeAtomically(outFile, (temp) =>
    runFfmpeg(bins.ffmpeg, ['-v', 'error', ...inputs, ...filter, ...output, temp], what, signal),
  )
  return { frames, durationSec: frames / fps }
}
