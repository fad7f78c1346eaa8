import { join } from 'node:path'
import { withTempDir } from '../files/media-files.ts'
import { extractFrame } from '../frame/extract-frame.ts'
import { measurePsnr } from '../quality/measure-psnr.ts'

/**
 * PSNR (dB, yuv420p) at or above which two frames count as the same picture. In emulator chains
 * of the three-shot example, a repeated frame (the last frame, stored as PNG, sent back as the
 * next clip's first frame and encoded again) measured 38.8 and 41.5 dB at 1280×720 and 41.6 and
 * 43.4 dB at 544×306, while neighbouring frames of a clip measured at most 18.4 dB and unrelated
 * clips 16.4 dB: 35 leaves about 4 dB either side of the lowest repeat. See `docs/edit-list.md`.
 */
export const REPEAT_PSNR_DB = 35

/**
 * Whether the incoming clip starts on the outgoing clip's last picture (PSNR ≥
 * {@link REPEAT_PSNR_DB}), as a chained shot does when its start image is the previous shot's last
 * frame. Clips of different sizes never repeat. Rejects like `extractFrame`.
 */
export async function repeatsAtCut(
  bins: { ffmpeg: string; ffprobe: string },
  outgoing: string,
  incoming: string,
  signal?: AbortSignal,
): Promise<boolean> {
  return withTempDir(async (dir) => {
    const last = join(dir, 'outgoing-last.png')
    const first = join(dir, 'incoming-first.png')
    const [a, b] = await Promise.all([
      extractFrame(bins, outgoing, 'last', last, signal),
      extractFrame(bins, incoming, 'first', first, signal),
    ])
    if (a.width !== b.width || a.height !== b.height) return false
    return (await measurePsnr(bins, last, first, 'yuv420p', signal)) >= REPEAT_PSNR_DB
  })
}
