import type { SeamFigures } from './seam-figures.ts'

/**
 * Below this SSIM the two stills either side of a cut differ in structure: a jump in framing,
 * the camera or the subject. Emulated chained cuts measure 0.997, unrelated pictures 0.29–0.60,
 * the same moving shot half a second apart 0.91–0.95 (see docs/seams.md). @public
 */
export const SEAM_MIN_SSIM = 0.9

/**
 * Above this mean ΔE00 the colours jump at the cut, visibly at a glance (about 1 is the smallest
 * difference a person sees side by side). Emulated chained cuts measure 0.5, a +0.15 brightness
 * step 12.9, unrelated pictures 34–54 (see docs/seams.md). @public
 */
export const SEAM_MAX_DELTA_E = 5

/**
 * What is wrong with a cut, for a person: one sentence per figure past its threshold
 * ({@link SEAM_MIN_SSIM}, {@link SEAM_MAX_DELTA_E}); empty for a clean cut.
 * @example
 * seamProblems({ ssim: 0.62, psnr: 14.1, deltaE: 33.9 })
 * // ['the picture jumps at the cut (SSIM 0.62, under 0.9)', 'the colours jump at the cut (ΔE 33.9, over 5)']
 * @public
 */
export function seamProblems(figures: SeamFigures): string[] {
  const problems: string[] = []
  if (figures.ssim < SEAM_MIN_SSIM) {
    problems.push(
      `the picture jumps at the cut (SSIM ${figures.ssim.toFixed(2)}, under ${SEAM_MIN_SSIM})`,
    )
  }
  if (figures.deltaE > SEAM_MAX_DELTA_E) {
    problems.push(
      `the colours jump at the cut (ΔE ${figures.deltaE.toFixed(1)}, over ${SEAM_MAX_DELTA_E})`,
    )
  }
  return problems
}
