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

/** A downloaded image that passed the checks. */
export interface ImageInput {
  readonly bytes: Uint8Array
  readonly header: ImageHeaderInfo
}

/**
 * Downloads and checks an image input the way fal's toolkit does, in its order: download,
 * file size, decodability, minimum size, aspect ratio (orientation-agnostic).
 * Returns the image, or the 422 `detail` entry for the field at `loc`.
 */
export async function loadImageInput(
  loc: (string | number)[],
  url: string,
  ctx: JobContext,
): Promise<ImageInput | FalErrorDetail> {
  const limits = IMAGE_LIMITS
  const download = await downloadInput(url, ctx, limits.maxFileSize)
  if (download.kind === 'failed') return toolkitError(loc, 'file_download_error', url)
  if (download.kind === 'too-large') {
    return toolkitError(loc, 'file_too_large', url, { max_size: limits.maxFileSize })
  }
  const header = ctx.media.probeImageBytes(download.bytes)
  if (header === undefined) return toolkitError(loc, 'image_load_error', url)
  const { width, height } = header
  if (width < limits.minWidth || height < limits.minHeight) {
    return toolkitError(loc, 'image_too_small', url, {
      min_width: limits.minWidth,
      min_height: limits.minHeight,
    })
  }
  const ratio = Math.min(width, height) / Math.max(width, height)
  if (ratio < limits.minAspectRatio) {
    return toolkitError(loc, 'image_aspect_ratio_error', url, {
      min_aspect_ratio: limits.minAspectRatio,
      max_aspect_ratio: limits.maxAspectRatio,
    })
  }
  return { bytes: download.bytes, header }
}

/** Whether a load result is an error entry. */
export function isErrorDetail(value: ImageInput | FalErrorDetail): value is FalErrorDetail {
  return 'loc' in value
}
