import { assertInputFile } from '../files/media-files.ts'
import { validationError } from '../process/media-errors.ts'
import { runTool, stderrTail } from '../process/run-tool.ts'
import type { ProbeDetails } from './media-info.ts'
import { readProbeJson } from './read-probe-json.ts'

/**
 * Runs ffprobe on a file with a picture. Rejects with `validation` naming the file when it is
 * missing or holds no video or image (audio included), and with `cancelled` when `signal` fires.
 */
export async function probeFile(
  ffprobe: string,
  file: string,
  signal?: AbortSignal,
): Promise<ProbeDetails> {
  const details = await probeMedia(ffprobe, file, signal)
  if (details.kind === 'audio') {
    throw validationError(`${file} is audio (${details.codec}), not a video or an image`)
  }
  return details
}

/**
 * Runs ffprobe on a video, an image or a sound file. Rejects with `validation` naming the file
 * when it is missing or holds none of them, and with `cancelled` when `signal` fires.
 */
export async function probeMedia(
  ffprobe: string,
  file: string,
  signal?: AbortSignal,
): Promise<ProbeDetails> {
  const sizeBytes = await assertInputFile(file)
  const args = ['-v', 'error', '-print_format', 'json', '-show_data_hash', 'SHA256']
  const output = await runTool(
    ffprobe,
    [...args, '-show_format', '-show_streams', file],
    `probing ${file}`,
    signal,
  )
  const details = output.exitCode === 0 ? readProbeJson(output.stdout, sizeBytes) : undefined
  if (details === undefined) {
    const why = output.exitCode === 0 ? 'it has no picture or sound' : stderrTail(output.stderr, 2)
    throw validationError(`${file} is not a video or an image, nor audio (${why})`, {
      exitCode: output.exitCode,
      stderr: output.stderr,
    })
  }
  return details
}

/** Like {@link probeFile}, and rejects with `validation` unless the file is a video. */
export async function probeVideo(
  ffprobe: string,
  file: string,
  signal?: AbortSignal,
): Promise<ProbeDetails> {
  const details = await probeFile(ffprobe, file, signal)
  if (details.kind !== 'video') {
    throw validationError(
      `${file} is ${details.kind === 'image' ? 'an image' : 'audio'} (${details.codec}), not a video`,
    )
  }
  return details
}
