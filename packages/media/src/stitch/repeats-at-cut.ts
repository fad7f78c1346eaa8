import { join } from 'node:path'
import { withTempDir } from '../files/media-files.ts'
import { extractFrame } from '../frame/extract-frame.ts'
import { measurePsnr } from '../quality/measure-psnr.ts'

/**
 * PSNR (dB, yuv420p) at or above which two frames count as the same picture. An emulator chain's
 * repeated frame (the last frame, stored as PNG, sent back as the next clip's first frame and
 * re-encoded) measures 44–49 dB against the frame it repeats, while two neighbouring frames of
 * one clip measure at most ~33 dB: see `docs/edit-list.md` for the figures.
 */
export const REPEAT_PSNR_DB = 38

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
