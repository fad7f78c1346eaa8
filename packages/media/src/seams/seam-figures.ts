import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { probeFile } from '../probe/probe-file.ts'
import { internalError } from '../process/media-errors.ts'
import { runFfmpeg } from '../process/run-tool.ts'
import { meanDeltaE } from './ciede2000.ts'

/** How alike the two stills either side of a cut are. @public */
export interface SeamFigures {
  /** Structural similarity of the luma, 0–1 (1: the same picture); ffmpeg's `ssim` filter. */
  readonly ssim: number
  /** PSNR in dB over yuv420p (ffmpeg's `psnr` filter); `null` when the pictures are identical. */
  readonly psnr: number | null
  /** Mean CIEDE2000 colour difference over the pixels (0: the same colours; ~1: just visible). */
  readonly deltaE: number
}

/**
 * The width both pictures are scaled to before comparing (the height keeps A's shape). Cuts are
 * judged on the whole picture's structure and colour, which 256 px keeps: see docs/seams.md for
 * the figures at full size and at 64 px. @internal
 */
export const SEAM_COMPARE_WIDTH = 256

const even = (n: number) => Math.max(2, Math.round(n / 2) * 2)

/**
 * Compares two stills (PNG or JPEG; a video's first frame) in one ffmpeg run: both scaled to
 * `width` px wide and A's shape (A's own size when `width` is `null`); SSIM and PSNR from
 * ffmpeg's filters, the mean ΔE00 in TypeScript from the rgb24 pixels ffmpeg writes. Rejects
 * with `validation` for a missing or unreadable file, `internal` when ffmpeg fails or reports no
 * figure, `cancelled` on the signal.
 * @example
 * const { ssim, deltaE } = await seamFigures(bins, 'shot1-last.png', 'shot2-first.png')
 * @internal — callers use `MediaTools.seamFigures`.
 */
export async function seamFigures(
  bins: { ffmpeg: string; ffprobe: string },
  imageA: string,
  imageB: string,
  signal?: AbortSignal,
  width: number | null = SEAM_COMPARE_WIDTH,
): Promise<SeamFigures> {
  const [a] = await Promise.all([
    probeFile(bins.ffprobe, imageA, signal),
    probeFile(bins.ffprobe, imageB, signal),
  ])
  const w = width === null ? a.width : even(Math.min(width, a.width))
  const h = width === null ? a.height : even((w * a.height) / a.width)
  const fit = `scale=${w}:${h}:flags=area,setsar=1,format=rgb24`
  const graph = [
    `[0:v:0]${fit},split=3[a1][a2][a3]`,
    `[1:v:0]${fit},split=3[b1][b2][b3]`,
    '[a1]format=gray[ag];[b1]format=gray[bg];[ag][bg]ssim[s]',
    '[a2]format=yuv420p[ay];[b2]format=yuv420p[by];[ay][by]psnr[p]',
    '[a3][b3]vstack[pixels]',
  ].join(';')
  const dir = await mkdtemp(join(tmpdir(), 'shotchain-seam-'))
  try {
    const raw = join(dir, 'pixels.rgb')
    const nothing = (label: string) => ['-map', `[${label}]`, '-f', 'null', '-']
    const what = `comparing ${imageA} with ${imageB}`
    const { stderr } = await runFfmpeg(
      bins.ffmpeg,
      ['-v', 'info', '-i', imageA, '-i', imageB, '-filter_complex', graph]
        .concat(nothing('s'), nothing('p'))
        .concat(['-map', '[pixels]', '-frames:v', '1', '-f', 'rawvideo', '-pix_fmt', 'rgb24', raw]),
      what,
      signal,
    )
    const ssim = /SSIM .*All:([\d.]+)/.exec(stderr)?.[1]
    const psnr = /PSNR .*average:(inf|[\d.]+)/.exec(stderr)?.[1]
    const pixels = await readFile(raw)
    const half = w * h * 3
    if (ssim === undefined || psnr === undefined || pixels.length !== 2 * half) {
      throw internalError(`${what}: ffmpeg reported no SSIM, PSNR or pixels`)
    }
    return {
      ssim: Number(ssim),
      psnr: psnr === 'inf' ? null : Number(psnr),
      deltaE: meanDeltaE(pixels.subarray(0, half), pixels.subarray(half)),
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
