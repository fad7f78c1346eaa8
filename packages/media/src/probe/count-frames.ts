import { internalError } from '../process/media-errors.ts'
import { runTool, stderrTail } from '../process/run-tool.ts'
import { probeVideo } from './probe-file.ts'

/**
 * The exact number of frames of a video's first video stream, found by decoding it (ffprobe
 * `-count_frames`), not estimated from its duration. Rejects with `validation` naming the file
 * when it is missing or not a video, `internal` when ffprobe fails, `cancelled` on `signal`.
 */
export async function countFrames(
  ffprobe: string,
  video: string,
  signal?: AbortSignal,
): Promise<number> {
  await probeVideo(ffprobe, video, signal)
  const what = `counting the frames of ${video}`
  const args = ['-v', 'error', '-select_streams', 'v:0', '-count_frames']
  const show = ['-show_entries', 'stream=nb_read_frames', '-of', 'csv=p=0', video]
  const output = await runTool(ffprobe, [...args, ...show], what, signal)
  const frames = Number.parseInt(output.stdout.trim(), 10)
  if (output.exitCode !== 0 || !Number.isSafeInteger(frames)) {
    throw internalError(`${what}: ffprobe failed: ${stderrTail(output.stderr)}`, output)
  }
  return frames
}
