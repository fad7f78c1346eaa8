import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { limitProblem, type MediaLimits } from '@shotchain/fal-catalog'
import { downloadInput } from './download-input.ts'
import type { JobContext } from './endpoint.ts'
import { type FalErrorDetail, toolkitError } from './fal-errors.ts'
import type { ImageHeaderInfo } from './media-port.ts'

/** fal's limits for Kling O1 image inputs (the endpoint schema's x-fal constraints). */
export const IMAGE_LIMITS = {
  maxFileSize: 10 * 1024 * 1024,
  minWidth: 300,
  minHeight: 300,
  minAspectRatio: 0.4,
  maxAspectRatio: 2.5,
} as const

/** {@link IMAGE_LIMITS} in the catalog's terms. */
export const KLING_O1_IMAGE_LIMITS: MediaLimits = {
  maxBytes: IMAGE_LIMITS.maxFileSize,
  minWidth: IMAGE_LIMITS.minWidth,
  minHeight: IMAGE_LIMITS.minHeight,
  minAspect: IMAGE_LIMITS.minAspectRatio,
  maxAspect: IMAGE_LIMITS.maxAspectRatio,
}

/** What fal's toolkit downloads of an image without a stated file size limit (20 MB). */
export const DEFAULT_MAX_IMAGE_BYTES = 20 * 1024 * 1024

/** A downloaded image that passed the checks. */
export interface ImageInput {
  readonly bytes: Uint8Array
  readonly header: ImageHeaderInfo
}

/**
 * Downloads and checks an image input the way fal's toolkit does, in its order: download,
 * file size, decodability, minimum size, maximum size, aspect ratio (orientation-agnostic), each
 * against `limits` (the catalog's, so the emulator refuses exactly what `limitProblem` names).
 * Returns the image, or the 422 `detail` entry for the field at `loc`.
 */
export async function loadImageInput(
  loc: (string | number)[],
  url: string,
  ctx: JobContext,
  limits: MediaLimits = KLING_O1_IMAGE_LIMITS,
): Promise<ImageInput | FalErrorDetail> {
  const maxSize = limits.maxBytes ?? DEFAULT_MAX_IMAGE_BYTES
  const download = await downloadInput(url, ctx, maxSize)
  if (download.kind === 'failed') return toolkitError(loc, 'file_download_error', url)
  if (download.kind === 'too-large') {
    return toolkitError(loc, 'file_too_large', url, { max_size: maxSize })
  }
  const header = ctx.media.probeImageBytes(download.bytes)
  if (header === undefined) return toolkitError(loc, 'image_load_error', url)
  const breach = breachOf(limits, header)
  return breach === undefined
    ? { bytes: download.bytes, header }
    : toolkitError(loc, breach.type, url, breach.ctx)
}

type Breach = { type: 'image_too_small' | 'image_too_large' | 'image_aspect_ratio_error' }

/** The toolkit error for the first limit the image's size breaks, judged by `limitProblem`. */
function breachOf(
  limits: MediaLimits,
  size: { width: number; height: number },
): (Breach & { ctx: Record<string, unknown> }) | undefined {
  const { minWidth, minHeight, maxWidth, maxHeight, minAspect, maxAspect } = limits
  if (limitProblem({ minWidth, minHeight }, size) !== undefined) {
    return {
      type: 'image_too_small',
      ctx: { min_width: minWidth ?? 0, min_height: minHeight ?? 0 },
    }
  }
  if (limitProblem({ maxWidth, maxHeight }, size) !== undefined) {
    const ctx = { max_width: maxWidth ?? size.width, max_height: maxHeight ?? size.height }
    return { type: 'image_too_large', ctx }
  }
  if (limitProblem({ minAspect, maxAspect }, size) !== undefined) {
    const ctx = { min_aspect_ratio: minAspect ?? 0, max_aspect_ratio: maxAspect ?? 'inf' }
    return { type: 'image_aspect_ratio_error', ctx }
  }
  return undefined
}

/** Whether a load result is an error entry. */
export function isErrorDetail(value: ImageInput | FalErrorDetail): value is FalErrorDetail {
  return 'loc' in value
}

const EXTENSIONS: Record<string, string> = { png: 'png', jpeg: 'jpg', webp: 'webp', gif: 'gif' }

/** Writes a loaded image to `dir` as `name` plus its format's extension; returns the path. */
export async function saveImage(image: ImageInput, dir: string, name: string): Promise<string> {
  const path = join(dir, `${name}.${EXTENSIONS[image.header.format] ?? 'img'}`)
  await writeFile(path, image.bytes)
  return path
}
