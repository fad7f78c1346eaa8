import { readFile } from 'node:fs/promises'
import { extname } from 'node:path'
import { probeImageBytes } from '../bytes/probe-image-bytes.ts'
import { writeAtomically } from '../files/media-files.ts'
import type { ImageSize } from '../frame/extract-frame.ts'
import { probeFile } from '../probe/probe-file.ts'
import { internalError, validationError } from '../process/media-errors.ts'
import { runFfmpeg } from '../process/run-tool.ts'

const ENCODERS: Record<string, readonly string[]> = {
  '.jpg': ['-c:v', 'mjpeg', '-q:v', '3', '-pix_fmt', 'yuvj420p', '-f', 'image2'],
  '.jpeg': ['-c:v', 'mjpeg', '-q:v', '3', '-pix_fmt', 'yuvj420p', '-f', 'image2'],
  '.png': ['-c:v', 'png', '-pix_fmt', 'rgb24', '-f', 'image2'],
}

/**
 * Writes a small poster of an image or a video (its middle frame) whose longer side is at most
 * `maxSide` pixels, never enlarged. The format follows `outFile`'s extension: `.jpg`, `.jpeg` or
 * `.png`. Rejects with `validation` for another extension, a bad `maxSide`, a missing file or a
 * file that is neither image nor video.
 */
export async function makeThumbnail(
  bins: { ffmpeg: string; ffprobe: string },
  input: string,
  outFile: string,
  maxSide: number,
  signal?: AbortSignal,
): Promise<ImageSize> {
  const encoder = ENCODERS[extname(outFile).toLowerCase()]
  if (encoder === undefined) {
    throw validationError(`A thumbnail must be a .jpg or .png file, not ${outFile}`)
  }
  if (!(Number.isInteger(maxSide) && maxSide >= 1)) {
    throw validationError(`A thumbnail's largest side must be a whole number ≥ 1, got ${maxSide}`)
  }
  const details = await probeFile(bins.ffprobe, input, signal)
  const seek = details.kind === 'video' ? ['-ss', (details.durationSec / 2).toFixed(3)] : []
  const s = maxSide
  const fit = `scale=w='if(gte(iw,ih),min(iw,${s}),-1)':h='if(gte(iw,ih),-1,min(ih,${s}))'`
  const what = `making a thumbnail of ${input}`
  await writeAtomically(outFile, (temp) =>
    runFfmpeg(
      bins.ffmpeg,
      [
        '-v',
        'error',
        ...seek,
        '-i',
        input,
        '-map',
        '0:v:0',
        '-vf',
        fit,
        '-frames:v',
        '1',
        ...encoder,
        temp,
      ],
      what,
      signal,
    ),
  )
  const size = probeImageBytes(await readFile(outFile))
  if (size === undefined) throw internalError(`${what}: ffmpeg wrote an unreadable image`)
  return { width: size.width, height: size.height }
}
