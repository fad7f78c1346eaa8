import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { EndpointSpec } from './endpoint.ts'
import { type FalErrorDetail, ModelError, notOneOf } from './fal-errors.ts'
import { bodyFields, readString } from './schema-checks.ts'
import { loadVideoInput } from './video-input.ts'

/** fal's frame extraction utility. */
export const FFMPEG_EXTRACT_FRAME = 'fal-ai/ffmpeg-api/extract-frame'

const FRAME_TYPES = ['first', 'middle', 'last'] as const

/**
 * `fal-ai/ffmpeg-api/extract-frame`: `{video_url, frame_type?}` →
 * `{images: [{url, content_type, file_name, file_size, width, height}]}` (a PNG). Not billed.
 */
export function extractFrameEndpoint(): EndpointSpec {
  return {
    id: FFMPEG_EXTRACT_FRAME,
    async run(body, ctx) {
      const fields = bodyFields(body)
      if (Array.isArray(fields)) throw new ModelError(fields)
      const errors: FalErrorDetail[] = []
      const videoUrl = readString(fields, 'video_url', errors, { required: true })
      const frameType = fields.frame_type ?? 'first'
      if (!(FRAME_TYPES as readonly unknown[]).includes(frameType)) {
        errors.push(notOneOf('frame_type', frameType, FRAME_TYPES))
      }
      if (errors.length > 0 || videoUrl === undefined) throw new ModelError(errors)
      ctx.log('Downloading video')
      const video = await loadVideoInput(['video_url'], videoUrl, 'input.mp4', ctx)
      if ('loc' in video) throw new ModelError([video])
      const at =
        frameType === 'middle' ? video.info.durationSec / 2 : (frameType as 'first' | 'last')
      ctx.log(`Extracting the ${String(frameType)} frame`)
      const out = join(await ctx.tempDir(), 'frame.png')
      await ctx.media.extractFrame(video.path, at, out, { signal: ctx.signal })
      const header = ctx.media.probeImageBytes(await readFile(out))
      const file = await ctx.publish(out, 'image/png', 'frame.png')
      const image = {
        ...file,
        width: header?.width,
        height: header?.height,
      }
      return { body: { images: [image] }, billedSeconds: 0, billedUsd: 0 }
    },
  }
}
