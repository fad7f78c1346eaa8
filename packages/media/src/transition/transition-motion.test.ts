import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type Insets, transitionMotion, variantOf } from './transition-motion.ts'

const sides = (i: Insets) => [i.left, i.right, i.top, i.bottom]
/** How far apart two crops are: the largest difference of any edge, as a share of the frame. */
const distance = (a: Insets, b: Insets) =>
  Math.max(...sides(a).map((v, k) => Math.abs(v - (sides(b)[k] ?? 0))))

describe('transitionMotion', () => {
  it('is the plain zoom, with no hue swing, without a variant', () => {
    expect(transitionMotion(undefined, true)).toMatchObject({ hueDeg: 0 })
    expect(transitionMotion(undefined, true).start).toEqual(transitionMotion(undefined, true).end)
    expect(transitionMotion(undefined, false).start.left).toBeGreaterThan(
      transitionMotion(undefined, false).start.right,
    )
  })

  it('gives every variant a crop inside the frame, a time curve and a hue swing of 20–60°', () => {
    fc.assert(
      fc.property(fc.integer(), fc.boolean(), (variant, hasEnd) => {
        const motion = transitionMotion(variant, hasEnd)
        for (const inset of [...sides(motion.start), ...sides(motion.end)]) {
          expect(inset).toBeGreaterThan(0)
          expect(inset).toBeLessThan(0.2)
        }
        expect(Math.abs(motion.hueDeg)).toBeGreaterThanOrEqual(20)
        expect(Math.abs(motion.hueDeg)).toBeLessThanOrEqual(60)
        for (const ease of [motion.startEase, motion.endEase]) {
          expect(ease).toBeGreaterThanOrEqual(0.5)
          expect(ease).toBeLessThanOrEqual(2)
        }
        expect(transitionMotion(variant, hasEnd)).toEqual(motion)
      }),
    )
  })

  it('moves neighbouring variants unalike', () => {
    // Over 1000 neighbouring pairs, the two crops or hue swings are almost always far apart.
    let alike = 0
    for (let v = 0; v < 1000; v++) {
      const [a, b] = [transitionMotion(v, true), transitionMotion(v + 1, true)]
      const far = distance(a.start, b.start) > 0.01 || Math.abs(a.hueDeg - b.hueDeg) > 10
      if (!far) alike++
    }
    expect(alike).toBeLessThan(10)
  })

  it('hashes request ids to whole numbers that differ', () => {
    const a = variantOf('0b5e6a4c-5b7e-4a7e-9d3c-1f2e3d4c5b6a')
    expect(Number.isSafeInteger(a)).toBe(true)
    expect(variantOf('0b5e6a4c-5b7e-4a7e-9d3c-1f2e3d4c5b6a')).toBe(a)
    expect(variantOf('0b5e6a4c-5b7e-4a7e-9d3c-1f2e3d4c5b6b')).not.toBe(a)
  })
})
