import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { downloadInput } from './download-input.ts'
import type { JobContext } from './endpoint.ts'
import { type FalErrorDetail, toolkitError } from './fal-errors.ts'
import type { VideoInfo } from './media-port.ts'

/** Largest video the emulator downloads (fal's video inputs allow up to 200 MB). */
export const MAX_VIDEO_BYTES = 200 * 1024 * 1024

/** A downloaded video saved in the job's scratch folder. */
export interface VideoInput {
  readonly path: string
  readonly info: VideoInfo
}

/**
 * Downloads a video input to `<scratch>/<name>` and probes it. Returns the file, or the 422
 * `detail` entry for the field at `loc` (download failure, too large, not a video).
 */
export async function loadVideoInput(
  loc: (string | number)[],
  url: string,
  name: string,
  ctx: JobContext,
): Promise<VideoInput | FalErrorDetail> {
  const download = await downloadInput(url, ctx, MAX_VIDEO_BYTES)
  if (download.kind === 'failed') return toolkitError(loc, 'file_download_error', url)
  if (download.kind === 'too-large') {
    return toolkitError(loc, 'file_too_large', url, { max_size: MAX_VIDEO_BYTES })
  }
  const path = join(await ctx.tempDir(), name)
  await writeFile(path, download.bytes)
  try {
    const info = await ctx.media.probe(path, { signal: ctx.signal })
    if (info.kind !== undefined && info.kind !== 'video') throw new Error('not a video')
    return { path, info }
  } catch (error) {
    if (ctx.signal.aborted) throw error
    return toolkitError(loc, 'video_load_error', url)
  }
}
