import { describe, expect, it } from 'vitest'
import { framesToTimecode, timecodeBase, timecodeToFrames } from './timecode.ts'

const rate = (numerator: number, denominator = 1) => ({ numerator, denominator })

describe('timecode', () => {
  it('counts frames at 24, 25 and 30 fps', () => {
    expect(framesToTimecode(0, rate(24))).toBe('00:00:00:00')
    expect(framesToTimecode(23, rate(24))).toBe('00:00:00:23')
    expect(framesToTimecode(24, rate(24))).toBe('00:00:01:00')
    expect(framesToTimecode(24 * 61 + 5, rate(24))).toBe('00:01:01:05')
    expect(framesToTimecode(24, rate(25))).toBe('00:00:00:24')
    expect(framesToTimecode(25, rate(25))).toBe('00:00:01:00')
    expect(framesToTimecode(29, rate(30))).toBe('00:00:00:29')
    expect(framesToTimecode(30 * 3600 - 1, rate(30))).toBe('00:59:59:29')
  })

  it('puts one hour at 01:00:00:00 for every base', () => {
    expect(framesToTimecode(86_400, rate(24))).toBe('01:00:00:00')
    expect(framesToTimecode(90_000, rate(25))).toBe('01:00:00:00')
    expect(framesToTimecode(108_000, rate(30))).toBe('01:00:00:00')
    // Non-drop-frame at 29.97 and 23.976 counts on the rounded base.
    expect(framesToTimecode(108_000, rate(30000, 1001))).toBe('01:00:00:00')
    expect(framesToTimecode(86_400, rate(24000, 1001))).toBe('01:00:00:00')
    expect(timecodeBase(rate(30000, 1001))).toBe(30)
  })

  it('reads back what it writes, and refuses what is not timecode at the rate', () => {
    for (const r of [rate(24), rate(25), rate(30), rate(30000, 1001)]) {
      for (const frames of [0, 1, 23, 24, 25, 29, 30, 1799, 86_399, 86_400, 108_000, 2_000_001]) {
        expect(timecodeToFrames(framesToTimecode(frames, r), r)).toBe(frames)
      }
    }
    expect(timecodeToFrames('00:00:00:24', rate(24))).toBeUndefined()
    expect(timecodeToFrames('00:00:00:24', rate(25))).toBe(24)
    expect(timecodeToFrames('00:60:00:00', rate(24))).toBeUndefined()
    expect(timecodeToFrames('00:00:00;00', rate(24))).toBeUndefined()
  })

  it('refuses a negative or fractional frame count', () => {
    expect(() => framesToTimecode(-1, rate(24))).toThrow(RangeError)
    expect(() => framesToTimecode(1.5, rate(24))).toThrow(RangeError)
  })
})
