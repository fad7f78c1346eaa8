import { probeFile } from '../probe/probe-file.ts'
import { internalError, validationError } from '../process/media-errors.ts'
import { runFfmpeg } from '../process/run-tool.ts'

/** The pixel format both inputs are converted to before comparing. */
export type PsnrPixelFormat = 'yuv420p' | 'rgb24' | 'gray'

/**
 * Peak signal-to-noise ratio in dB between two images or videos of the same size (ffmpeg's psnr
 * filter, averaged over frames and planes); `Infinity` when identical. Compared in `yuv420p` by
 * default — the format every H.264 clip here uses — so 4:2:0 chroma subsampling of a sharp RGB
 * image does not count as a difference; `gray` compares luma only, `rgb24` what a viewer sees.
 * Rejects with `validation` when the sizes differ.
 */
export async function measurePsnr(
  bins: { ffmpeg: string; ffprobe: string },
  fileA: string,
  fileB: string,
  pixelFormat: PsnrPixelFormat,
  signal?: AbortSignal,
): Promise<number> {
  const [a, b] = await Promise.all([
    probeFile(bins.ffprobe, fileA, signal),
    probeFile(bins.ffprobe, fileB, signal),
  ])
  if (a.width !== b.width || a.height !== b.height) {
    throw validationError(
      `Cannot compare ${fileA} (${a.width}×${a.height}) with ${fileB} (${b.width}×${b.height}): sizes differ`,
    )
  }
  const graph = `[0:v:0]format=${pixelFormat}[a];[1:v:0]format=${pixelFormat}[b];[a][b]psnr`
  const what = `comparing ${fileA} with ${fileB}`
  const output = await runFfmpeg(
    bins.ffmpeg,
    ['-v', 'info', '-i', fileA, '-i', fileB, '-lavfi', graph, '-f', 'null', '-'],
    what,
    signal,
  )
  const match = /PSNR .*average:(inf|[\d.]+)/.exec(output.stderr)
  if (match?.[1] === undefined) throw internalError(`${what}: ffmpeg reported no PSNR`)
  return match[1] === 'inf' ? Number.POSITIVE_INFINITY : Number(match[1])
}
