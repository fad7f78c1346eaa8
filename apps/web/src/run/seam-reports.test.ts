import type { SequenceRole } from '@shotchain/graph'
import { describe, expect, it } from 'vitest'
import { driftOf, frameRateOf, seamsOf } from './seam-reports.ts'

const role: SequenceRole = {
  kind: 'sequence',
  clips: 'clips',
  video: 'video',
  seams: 'cuts',
  drift: 'wander',
  editList: 'list',
}

describe('what a sequence measured, read through its role', () => {
  it('reads seams under the key the role names, by seam, leaving out what is not a report', () => {
    const still = { hash: 'b'.repeat(64), contentType: 'image/png' }
    const outputs = {
      cuts: [
        {
          ...{ from: 1, ssim: 0.5, psnr: null, deltaE: 8, flagged: true, incoming: still },
          problems: ['the picture jumps at the cut (SSIM 0.50, under 0.9)', 7, ''],
        },
        { from: 0, ssim: 0.9, psnr: 30, deltaE: 1, droppedRepeat: true, outgoing: { hash: 3 } },
        { from: 2, ssim: 'high' },
        'x',
      ],
      seams: [{ from: 5, ssim: 1, psnr: 40, deltaE: 0 }],
    }
    const seams = seamsOf(outputs, role)
    expect([...seams.keys()]).toEqual([1, 0])
    expect(seams.get(1)).toEqual({
      ...{ from: 1, ssim: 0.5, psnr: null, deltaE: 8, flagged: true, droppedRepeat: false },
      problems: ['the picture jumps at the cut (SSIM 0.50, under 0.9)'],
      incoming: still,
    })
    expect(seams.get(0)).toEqual({
      ...{ from: 0, ssim: 0.9, psnr: 30, deltaE: 1, flagged: false, droppedRepeat: true },
    })
    expect(seamsOf(outputs, { ...role, seams: undefined }).size).toBe(0)
  })

  it('reads drift by clip, and the edit list’s rate (none before a run said it)', () => {
    const outputs = {
      wander: [{ clip: 1, ssim: 0.7, deltaE: 5 }, { clip: 'two' }],
      list: { rate: { numerator: 30000, denominator: 1001 } },
    }
    expect([...driftOf(outputs, role).values()]).toEqual([{ clip: 1, ssim: 0.7, deltaE: 5 }])
    expect(frameRateOf(outputs, role)).toBeCloseTo(29.97, 2)
    expect(frameRateOf({ list: { rate: { numerator: 0, denominator: 1 } } }, role)).toBeUndefined()
    expect(frameRateOf({}, role)).toBeUndefined()
    expect(frameRateOf(outputs, { ...role, editList: undefined })).toBeUndefined()
  })
})
