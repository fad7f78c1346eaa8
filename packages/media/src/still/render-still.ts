import { rm, writeFile } from 'node:fs/promises'
import { writeAtomically } from '../files/media-files.ts'
import type { ImageSize } from '../frame/extract-frame.ts'
import { probeFile } from '../probe/probe-file.ts'
import { validationError } from '../process/media-errors.ts'
import { runFfmpeg } from '../process/run-tool.ts'
import { stripeFilters } from '../transition/transition-filter.ts'
import { captionFilter, wrapCaption } from './caption.ts'

/** What {@link renderStill} should draw. */
export interface StillSpec {
  /** Image file to draw on, scaled to cover width×height and cropped; else a plain `color`. */
  readonly image?: string | undefined
  /** Background colour (`RRGGBB`) when there is no image; black when left out. */
  readonly color?: string | undefined
  /** Whole pixels, 1 to 16384 each. */
  readonly width: number
  readonly height: number
  /** Colours (`RRGGBB`) of a stripe of cells across the lower part of the picture, as on clips. */
  readonly stripe?: readonly string[] | undefined
  /**
   * Words drawn over the picture, wrapped (a prompt, so a person sees which one made it): near
   * the top on a plain colour, a third of the way down over an image (below its own caption).
   */
  readonly caption?: string | undefined
}

const HEX = /^[0-9a-f]{6}$/i

function checkSpec(spec: StillSpec): void {
  for (const side of ['width', 'height'] as const) {
    const value = spec[side]
    if (!(Number.isInteger(value) && value >= 1 && value <= 16384)) {
      throw validationError(`Still ${side} must be a whole number from 1 to 16384, got ${value}`)
    }
  }
  for (const color of [...(spec.stripe ?? []), ...(spec.color === undefined ? [] : [spec.color])]) {
    if (!HEX.test(color)) throw validationError(`Still colours are RRGGBB hex, got "${color}"`)
  }
}

/**
 * Draws one RGB PNG of width×height: the image (scaled to cover, cropped) or a plain colour, with
 * the stripe's cells painted over it — the fal emulator's stand-in for an image model's output.
 * Rejects with `validation` for a bad size or colour, or an `image` that is missing or a video.
 *
 * @example
 * await tools.renderStill({ color: '336699', width: 1024, height: 768, stripe: ['ff0000'] }, 'out.png')
 */
export async function renderStill(
  bins: { ffmpeg: string; ffprobe: string },
  spec: StillSpec,
  outPngFile: string,
  signal?: AbortSignal,
): Promise<ImageSize> {
  checkSpec(spec)
  const { width: w, height: h } = spec
  if (spec.image !== undefined) {
    const details = await probeFile(bins.ffprobe, spec.image, signal)
    if (details.kind !== 'image')
      throw validationError(`A still needs an image; ${spec.image} is a video`)
  }
  const input =
    spec.image === undefined
      ? ['-f', 'lavfi', '-i', `color=c=0x${spec.color ?? '000000'}:s=${w}x${h}:d=1`]
      : ['-i', spec.image]
  // 4:4:4 while the boxes are drawn, so no chroma is shared between a cell and its neighbour.
  const lines = spec.caption === undefined ? [] : wrapCaption(spec.caption)
  const textFile = `${outPngFile}.caption.txt`
  if (lines.length > 0) await writeFile(textFile, lines.join('\n'))
  const caption =
    lines.length === 0 ? '' : captionFilter(textFile, w, h, spec.image === undefined ? 0.06 : 0.34)
  const filter =
    `scale=${w}:${h}:force_original_aspect_ratio=increase,crop=${w}:${h},setsar=1,format=yuv444p` +
    `${caption}${stripeFilters(spec.stripe ?? [], w, h)},format=rgb24`
  const output = ['-frames:v', '1', '-pix_fmt', 'rgb24', '-c:v', 'png', '-f', 'image2']
  const what = `drawing a ${w}×${h} still into ${outPngFile}`
  try {
    await writeAtomically(outPngFile, (temp) =>
      runFfmpeg(
        bins.ffmpeg,
        ['-v', 'error', ...input, '-vf', filter, ...output, temp],
        what,
        signal,
      ),
    )
  } finally {
    if (lines.length > 0) await rm(textFile, { force: true })
  }
  return { width: w, height: h }
}
