import { writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { withTempDir, writeAtomically } from '../files/media-files.ts'
import type { ProbeDetails } from '../probe/media-info.ts'
import { probeVideo } from '../probe/probe-file.ts'
import { parseRate } from '../probe/read-probe-json.ts'
import { h264Args, MP4_ARGS } from '../process/encode-args.ts'
import { validationError } from '../process/media-errors.ts'
import { runFfmpeg } from '../process/run-tool.ts'
import {
  type ConcatShape,
  type ConcatTarget,
  canStreamCopy,
  concatFilter,
  concatList,
  concatTarget,
} from './concat-plan.ts'

/** How {@link concatVideos} joined the clips, and what it produced. */
export interface ConcatResult {
  /** `copy`: concat demuxer without re-encoding; `filter`: normalised and re-encoded. */
  readonly mode: 'copy' | 'filter'
  readonly width: number
  readonly height: number
}

/**
 * Joins clips into one H.264 MP4. Clips that already match (codec parameters, size, frame rate,
 * audio) are joined by stream copy; otherwise each is scaled to fit the target size with black
 * bars, resampled to the target frame rate and re-encoded. Rejects with `validation` for an empty
 * list, a missing file or a file that is not a video.
 */
export async function concatVideos(
  bins: { ffmpeg: string; ffprobe: string },
  videos: readonly string[],
  outFile: string,
  shape: ConcatShape,
  signal?: AbortSignal,
): Promise<ConcatResult> {
  if (videos.length === 0) throw validationError('concat needs at least one video')
  for (const [name, value] of Object.entries(shape)) {
    if (value !== undefined && !(Number.isFinite(value) && value > 0)) {
      throw validationError(`concat: ${name} must be a positive number, got ${value}`)
    }
  }
  const clips = await Promise.all(videos.map((v) => probeVideo(bins.ffprobe, v, signal)))
  const [first] = clips
  if (first === undefined) throw validationError('concat needs at least one video')
  const target = concatTarget(first, shape)
  const what = `joining ${videos.length} clips into ${outFile}`
  const ffmpeg = (args: readonly string[]) =>
    runFfmpeg(bins.ffmpeg, ['-v', 'error', ...args], what, signal)
  const mode = canStreamCopy(clips, target) ? 'copy' : 'filter'
  await writeAtomically(outFile, (temp) =>
    mode === 'copy'
      ? joinByCopy(ffmpeg, videos, temp)
      : joinByFilter(ffmpeg, clips, videos, target, temp),
  )
  return { mode, width: target.width, height: target.height }
}

type Ffmpeg = (args: readonly string[]) => Promise<unknown>

/** The concat demuxer: packets copied as they are, so nothing is decoded or re-encoded. */
function joinByCopy(ffmpeg: Ffmpeg, videos: readonly string[], out: string): Promise<void> {
  return withTempDir(async (dir) => {
    const list = join(dir, 'clips.txt')
    await writeFile(list, concatList(videos.map((v) => resolve(v))))
    const input = ['-f', 'concat', '-safe', '0', '-i', list, '-map', '0:v:0', '-map', '0:a:0?']
    await ffmpeg([...input, '-c', 'copy', ...MP4_ARGS, out])
  })
}

/** The concat filter over normalised clips, re-encoded to H.264 (and AAC when any clip has sound). */
async function joinByFilter(
  ffmpeg: Ffmpeg,
  clips: readonly ProbeDetails[],
  videos: readonly string[],
  target: ConcatTarget,
  out: string,
): Promise<void> {
  const audio = clips.some((c) => c.hasAudio)
  const inputs = videos.flatMap((v) => ['-i', v])
  const graph = ['-filter_complex', concatFilter(clips, target, audio), '-map', '[v]']
  const sound = audio ? ['-map', '[a]', '-c:a', 'aac', '-b:a', '192k'] : []
  const video = [...h264Args(parseRate(target.frameRate)), '-r', target.frameRate]
  await ffmpeg([...inputs, ...graph, ...sound, ...video, ...MP4_ARGS, out])
}
