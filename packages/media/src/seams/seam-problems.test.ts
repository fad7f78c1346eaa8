import { describe, expect, it } from 'vitest'
import { SEAM_MAX_DELTA_E, SEAM_MIN_SSIM, seamProblems } from './seam-problems.ts'

describe('seamProblems', () => {
  it('finds nothing wrong with a clean cut, even an identical one', () => {
    expect(seamProblems({ ssim: 0.997, psnr: 48.7, deltaE: 0.56 })).toEqual([])
    expect(seamProblems({ ssim: 1, psnr: null, deltaE: 0 })).toEqual([])
    expect(seamProblems({ ssim: SEAM_MIN_SSIM, psnr: 30, deltaE: SEAM_MAX_DELTA_E })).toEqual([])
  })

  it('names each figure past its threshold', () => {
    expect(seamProblems({ ssim: 0.62, psnr: 14.1, deltaE: 33.9 })).toEqual([
      'the picture jumps at the cut (SSIM 0.62, under 0.9)',
      'the colours jump at the cut (ΔE 33.9, over 5)',
    ])
    expect(seamProblems({ ssim: 0.99, psnr: 26.8, deltaE: 10.5 })).toEqual([
      'the colours jump at the cut (ΔE 10.5, over 5)',
    ])
    expect(seamProblems({ ssim: 0.79, psnr: 24.8, deltaE: 4.2 })).toHaveLength(1)
  })
})
