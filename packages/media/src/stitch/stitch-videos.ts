import { concatTarget } from '../concat/concat-plan.ts'
import type { EditList } from '../edit-list/edit-list.ts'
import { framesPerSecond } from '../edit-list/edit-list.ts'
import { sequenceTimes } from '../edit-list/sequence-times.ts'
import { assertInputFile, writeAtomically } from '../files/media-files.ts'
import { countPackets } from '../probe/count-frames.ts'
import { probeVideo } from '../probe/probe-file.ts'
import { h264Args, MP4_ARGS } from '../process/encode-args.ts'
import { internalError, validationError } from '../process/media-errors.ts'
import { runFfmpeg, runTool } from '../process/run-tool.ts'
import { stitchAudioFilter, stitchVideoFilter } from './stitch-filter.ts'

/** What {@link stitchVideos} wrote: its exact frame count, length, size and rate. */
export interface StitchResult {
  readonly frames: number
  readonly durationSec: number
  readonly width: number
  readonly height: number
  readonly fps: number
}

/**
 * Plays an edit list into one H.264 MP4 (yuv420p, faststart): every clip letterboxed to the first
 * clip's size, resampled to the list's rate, trimmed to its frames and cut or crossfaded into the
 * next; the soundtrack, if any, under it as AAC. The sequence has exactly `sequenceTimes(list)
 * .totalFrames` frames (checked by counting its packets). Clip and soundtrack media are local paths.
 * Rejects with `validation` for a bad edit list (see `sequenceTimes`), a missing file, a clip that
 * is not a video or a soundtrack without sound.
 */
export async function stitchVideos(
  bins: { ffmpeg: string; ffprobe: string },
  list: EditList,
  outFile: string,
  signal?: AbortSignal,
): Promise<StitchResult> {
  const times = sequenceTimes(list)
  const clips = await Promise.all(list.clips.map((c) => probeVideo(bins.ffprobe, c.media, signal)))
  const first = clips[0]
  if (first === undefined) throw validationError('stitch needs at least one clip')
  const { width, height } = concatTarget(first, {})
  const music = list.soundtrack?.media
  if (music !== undefined) await assertHasSound(bins.ffprobe, music, signal)
  const inputs = [...list.clips.map((c) => c.media), ...(music === undefined ? [] : [music])]
  const audio = stitchAudioFilter(times, list.rate, list.clips.length)
  const video = stitchVideoFilter(times, { clips, width, height, rate: list.rate })
  const graph = ['-filter_complex', [video, audio].filter((g) => g !== '').join(';')]
  const maps = [
    '-map',
    '[v]',
    ...(audio === '' ? [] : ['-map', '[a]', '-c:a', 'aac', '-b:a', '192k']),
  ]
  const fps = framesPerSecond(list.rate)
  const rate = `${list.rate.numerator}/${list.rate.denominator}`
  const encode = [...h264Args(fps), '-r', rate, ...MP4_ARGS]
  const what = `stitching ${list.clips.length} clips into ${outFile}`
  await writeAtomically(outFile, async (temp) => {
    const args = ['-v', 'error', ...inputs.flatMap((f) => ['-i', f]), ...graph, ...maps]
    await runFfmpeg(bins.ffmpeg, [...args, ...encode, temp], what, signal)
    const frames = await countPackets(bins.ffprobe, temp, signal)
    if (frames !== times.totalFrames) {
      throw internalError(`${what}: wrote ${frames} frames, expected ${times.totalFrames}`)
    }
  })
  return { frames: times.totalFrames, durationSec: times.totalFrames / fps, width, height, fps }
}

async function assertHasSound(ffprobe: string, file: string, signal?: AbortSignal): Promise<void> {
  await assertInputFile(file)
  const args = ['-v', 'error', '-select_streams', 'a:0', '-show_entries', 'stream=codec_type']
  const output = await runTool(
    ffprobe,
    [...args, '-of', 'csv=p=0', file],
    `probing ${file}`,
    signal,
  )
  if (output.exitCode !== 0 || !output.stdout.includes('audio')) {
    throw validationError(`The soundtrack ${file} has no sound`)
  }
}
