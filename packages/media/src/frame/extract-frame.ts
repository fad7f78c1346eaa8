import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { probeImageBytes } from '../bytes/probe-image-bytes.ts'
import { isNonEmptyFile, withTempDir, writeAtomically } from '../files/media-files.ts'
import type { ProbeDetails } from '../probe/media-info.ts'
import { probeVideo } from '../probe/probe-file.ts'
import { internalError, validationError } from '../process/media-errors.ts'
import { runFfmpeg } from '../process/run-tool.ts'

/** Which frame to take: the first, the last, or the first frame at or after a time in seconds. */
export type FrameAt = 'first' | 'last' | number

/** The size of an image written by the media tools. */
export interface ImageSize {
  readonly width: number
  readonly height: number
}

/** How far before the end of the video stream to seek for the last frame, in frame durations. */
const LAST_FRAME_WINDOW = 2.5
// ffmpeg's default PNG compression: a lower level saves ~15 ms per 1080p frame but makes files
// 10–40% larger, and these frames are uploaded to fal (10 MB limit).
const PNG_ARGS = ['-c:v', 'png', '-f', 'image2']

function hasAlpha(details: ProbeDetails): boolean {
  return /^(yuva|rgba|bgra|argb|abgr|gbrap|ya)/.test(details.pixFmt)
}

/** What finding the last frame needs: a way to run ffmpeg on the video, and where to write. */
interface LastFrameJob {
  readonly details: ProbeDetails
  readonly temp: string
  /** Output options for one PNG frame. */
  readonly png: readonly string[]
  readonly alpha: boolean
  /** Runs ffmpeg with `input` options, the video's first video stream, and `output` options. */
  readonly run: (
    input: readonly string[],
    output: readonly string[],
    out?: string,
  ) => Promise<unknown>
  /** Runs ffmpeg with arbitrary arguments. */
  readonly ffmpeg: (args: readonly string[]) => Promise<unknown>
}

/**
 * Writes one frame of `video` as a PNG of the video's size. The last frame is found by seeking
 * to a couple of frames before the end of the video stream, so its cost depends on the distance
 * to the previous keyframe, not on the clip's length. Rejects with `validation` for a missing
 * file, a file that is not a video, or a time outside the clip.
 */
export async function extractFrame(
  bins: { ffmpeg: string; ffprobe: string },
  video: string,
  at: FrameAt,
  outPngFile: string,
  signal?: AbortSignal,
): Promise<ImageSize> {
  const details = await probeVideo(bins.ffprobe, video, signal)
  if (typeof at === 'number' && !(at >= 0 && at <= details.durationSec)) {
    throw validationError(
      `Cannot take a frame at ${at} s from ${video}: it lasts ${details.durationSec.toFixed(3)} s`,
    )
  }
  const what = `extracting the ${typeof at === 'number' ? `frame at ${at} s` : `${at} frame`} of ${video}`
  const alpha = hasAlpha(details)
  await writeAtomically(outPngFile, async (temp) => {
    const ffmpeg = (args: readonly string[]) =>
      runFfmpeg(bins.ffmpeg, ['-v', 'error', ...args], what, signal)
    const run: LastFrameJob['run'] = (input, output, out = temp) =>
      ffmpeg([...input, '-i', video, '-map', '0:v:0', ...output, out])
    const png = ['-frames:v', '1', '-pix_fmt', alpha ? 'rgba' : 'rgb24', ...PNG_ARGS]
    const job: LastFrameJob = { details, temp, png, alpha, run, ffmpeg }
    if (at === 'first') await run([], png)
    if (typeof at === 'number') {
      await run(['-ss', String(at)], png)
      // A time inside the last frame's span yields nothing after the seek: that frame is the last.
      if (!(await isNonEmptyFile(temp))) await extractLast(job)
    }
    if (at === 'last') await extractLast(job)
    if (!(await isNonEmptyFile(temp))) throw internalError(`${what}: ffmpeg wrote no frame`)
  })
  const size = probeImageBytes(await readFile(outPngFile))
  if (size === undefined) throw internalError(`${what}: ffmpeg wrote an unreadable PNG`)
  return { width: size.width, height: size.height }
}

async function extractLast({
  details,
  temp,
  png,
  alpha,
  run,
  ffmpeg,
}: LastFrameJob): Promise<void> {
  const frameSec = details.fps > 0 ? 1 / details.fps : 0.1
  // -sseof counts from the container's end, which an audio track may push past the video's end.
  const offset = Math.min(
    details.durationSec,
    details.durationSec - details.videoEndSec + LAST_FRAME_WINDOW * frameSec,
  )
  if (offset > 0) {
    // Accurate seek: frames before the seek point are decoded but dropped, so only the last two or
    // three reach `reverse`, which emits the final one first; one PNG is encoded.
    await run(['-sseof', `-${offset.toFixed(6)}`], ['-vf', 'reverse', ...png])
    if (await isNonEmptyFile(temp)) return
  }
  // Odd timing (a last frame longer than the window, a wrong duration): decode the whole clip,
  // overwriting one cheap BMP per frame, then convert the survivor.
  await withTempDir(async (dir) => {
    const bmp = join(dir, 'last.bmp')
    const every = [
      '-pix_fmt',
      alpha ? 'bgra' : 'bgr24',
      '-c:v',
      'bmp',
      '-f',
      'image2',
      '-update',
      '1',
    ]
    await run([], every, bmp)
    if (!(await isNonEmptyFile(bmp))) throw internalError(`${details.codec} video has no frames`)
    await ffmpeg(['-i', bmp, ...png, temp])
  })
}
