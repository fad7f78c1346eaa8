import { join } from 'node:path'
import type { EndpointSpec } from './endpoint.ts'
import { type FalErrorDetail, ModelError, notAString, notOneOf } from './fal-errors.ts'
import { bodyFields, readNumberInRange } from './schema-checks.ts'
import { loadVideoInput, type VideoInput } from './video-input.ts'

/** fal's video concatenation utility. */
export const FFMPEG_MERGE_VIDEOS = 'fal-ai/ffmpeg-api/merge-videos'

/** fal's named image sizes, as `resolution` accepts them. */
export const RESOLUTION_PRESETS: Record<string, { width: number; height: number }> = {
  square_hd: { width: 1024, height: 1024 },
  square: { width: 512, height: 512 },
  portrait_4_3: { width: 768, height: 1024 },
  portrait_16_9: { width: 576, height: 1024 },
  landscape_4_3: { width: 1024, height: 768 },
  landscape_16_9: { width: 1024, height: 576 },
}

function readUrls(value: unknown, errors: FalErrorDetail[], body: unknown): string[] | undefined {
  if (value === undefined) {
    errors.push({
      loc: ['body', 'video_urls'],
      msg: 'Field required',
      type: 'missing',
      input: body,
    })
    return undefined
  }
  if (!Array.isArray(value)) {
    errors.push({
      loc: ['body', 'video_urls'],
      msg: 'Input should be a valid list',
      type: 'list_type',
      input: value,
    })
    return undefined
  }
  if (value.length < 2) {
    const msg = `List should have at least 2 items after validation, not ${value.length}`
    errors.push({
      loc: ['body', 'video_urls'],
      msg,
      type: 'too_short',
      input: value,
      ctx: { min_length: 2 },
    })
  }
  value.forEach((v, i) => {
    if (typeof v !== 'string')
      errors.push({ ...notAString('video_urls', v), loc: ['body', 'video_urls', i] })
  })
  return value as string[]
}

function readResolution(value: unknown, errors: FalErrorDetail[]) {
  if (value === undefined || value === null) return undefined
  if (typeof value === 'string') {
    const preset = RESOLUTION_PRESETS[value]
    if (preset === undefined)
      errors.push(notOneOf('resolution', value, Object.keys(RESOLUTION_PRESETS)))
    return preset
  }
  const size = (typeof value === 'object' ? value : {}) as Record<string, unknown>
  const range = { min: 512, max: 2048 }
  const width = readNumberInRange(size.width ?? 512, ['resolution', 'width'], errors, range)
  const height = readNumberInRange(size.height ?? 512, ['resolution', 'height'], errors, range)
  return width === undefined || height === undefined
    ? undefined
    : { width: Math.round(width), height: Math.round(height) }
}

/**
 * `fal-ai/ffmpeg-api/merge-videos`: `{video_urls, target_fps?, resolution?}` →
 * `{video: File, metadata}`. Clips are scaled to one size (the resolution asked, else the first
 * clip's) and resampled to `target_fps` (else the lowest input fps). Not billed.
 */
export function mergeVideosEndpoint(): EndpointSpec {
  return {
    id: FFMPEG_MERGE_VIDEOS,
    async run(body, ctx) {
      const fields = bodyFields(body)
      if (Array.isArray(fields)) throw new ModelError(fields)
      const errors: FalErrorDetail[] = []
      const urls = readUrls(fields.video_urls, errors, fields)
      const targetFps = readNumberInRange(fields.target_fps, ['target_fps'], errors, {
        min: 1,
        max: 60,
      })
      const resolution = readResolution(fields.resolution, errors)
      if (errors.length > 0 || urls === undefined) throw new ModelError(errors)
      ctx.log(`Downloading ${urls.length} videos`)
      const loaded = await Promise.all(
        urls.map((url, i) => loadVideoInput(['video_urls', i], url, `input-${i}.mp4`, ctx)),
      )
      const failures = loaded.filter((v): v is FalErrorDetail => 'loc' in v)
      if (failures.length > 0) throw new ModelError(failures)
      const videos = loaded as VideoInput[]
      const first = videos[0]?.info
      const fps = targetFps ?? Math.min(...videos.map((v) => v.info.fps))
      const width = resolution?.width ?? first?.width ?? 512
      const height = resolution?.height ?? first?.height ?? 512
      ctx.log(`Merging ${videos.length} videos at ${width}x${height}, ${fps} fps`)
      const out = join(await ctx.tempDir(), 'merged.mp4')
      await ctx.media.concat(
        videos.map((v) => v.path),
        out,
        { width, height, fps, signal: ctx.signal },
      )
      const merged = await ctx.media.probe(out, { signal: ctx.signal })
      const video = await ctx.publish(out, 'video/mp4', 'merged.mp4')
      const metadata = {
        duration: merged.durationSec,
        fps: merged.fps,
        resolution: { width: merged.width, height: merged.height },
        num_videos: videos.length,
        original_videos: videos.map((v, i) => ({
          url: urls[i],
          duration: v.info.durationSec,
          fps: v.info.fps,
          resolution: { width: v.info.width, height: v.info.height },
        })),
      }
      return { body: { video, metadata }, billedSeconds: 0, billedUsd: 0 }
    },
  }
}
