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
  return count(ffprobe, video, 'frames', signal)
}

/**
 * The number of packets of a video's first video stream, read without decoding: as exact as
 * {@link countFrames} for an MP4 the tools encoded themselves (one packet a frame), ~10× cheaper.
 */
export function countPackets(
  ffprobe: string,
  video: string,
  signal?: AbortSignal,
): Promise<number> {
  return count(ffprobe, video, 'packets', signal)
}

async function count(
  ffprobe: string,
  video: string,
  what: 'frames' | 'packets',
  signal?: AbortSignal,
): Promise<number> {
  const args = ['-v', 'error', '-select_streams', 'v:0', `-count_${what}`]
  const show = ['-show_entries', `stream=nb_read_${what}`, '-of', 'csv=p=0', video]
  const doing = `counting the ${what} of ${video}`
  const output = await runTool(ffprobe, [...args, ...show], doing, signal)
  const n = Number.parseInt(output.stdout.trim(), 10)
  if (output.exitCode !== 0 || !Number.isSafeInteger(n)) {
    throw internalError(`${doing}: ffprobe failed: ${stderrTail(output.stderr)}`, output)
  }
  return n
}
