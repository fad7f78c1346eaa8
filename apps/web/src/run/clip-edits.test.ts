import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  clampTrim,
  clipSpan,
  editsIn,
  overlapAfter,
  sequenceFrames,
  withEdit,
  withTransition,
  withTrim,
} from './clip-edits.ts'

describe('clip edits', () => {
  it('are read one per clip from the param the role names, leaving out what is not an edit', () => {
    const params = {
      edits: [{ in: 5, out: 110, transition: 'crossfade', crossfadeFrames: 12 }, 'x', { in: -3 }],
    }
    expect(editsIn(params, 'edits', 4)).toEqual([
      { in: 5, out: 110, transition: 'crossfade', crossfadeFrames: 12 },
      {},
      {},
      {},
    ])
    expect(editsIn(params, undefined, 2)).toEqual([{}, {}])
  })

  it('play the trimmed frames, kept inside the clip and never under one frame', () => {
    expect(clipSpan({}, 120)).toEqual({ in: 0, out: 120, frames: 120 })
    expect(clipSpan({ in: 5, out: 110 }, 120)).toEqual({ in: 5, out: 110, frames: 120 })
    expect(clipSpan({ in: 130 }, 120)).toEqual({ in: 119, out: 120, frames: 120 })
    expect(clipSpan({ in: 40, out: 20 }, 120)).toEqual({ in: 40, out: 41, frames: 120 })
    const span = clipSpan({ in: 10, out: 50 }, 120)
    expect(clampTrim(span, 'in', 80)).toBe(49)
    expect(clampTrim(span, 'in', -4)).toBe(0)
    expect(clampTrim(span, 'out', 3)).toBe(11)
    expect(clampTrim(span, 'out', 500)).toBe(120)
  })

  it('last the sum of the trimmed clips less the crossfades (the edit list example: 333 frames)', () => {
    const edits = [
      { in: 5, transition: 'crossfade' as const, crossfadeFrames: 12 },
      { out: 110 },
      {},
    ]
    const spans = edits.map((edit) => clipSpan(edit, 120))
    expect(sequenceFrames(edits, spans)).toBe(115 + 110 + 120 - 12)
    // A crossfade on the last clip joins nothing; one longer than a clip overlaps it only.
    expect(overlapAfter([{}, {}, { transition: 'crossfade', crossfadeFrames: 9 }], spans, 2)).toBe(
      0,
    )
    const short = [clipSpan({ out: 4 }, 120), clipSpan({}, 120)]
    expect(overlapAfter([{ transition: 'crossfade', crossfadeFrames: 50 }], short, 0)).toBe(4)
  })

  it('change one clip and keep the others; an undefined key goes', () => {
    const edits = [{ in: 2 }, { transition: 'crossfade' as const, crossfadeFrames: 6 }]
    expect(withEdit(edits, 1, { transition: 'cut', crossfadeFrames: undefined })).toEqual([
      { in: 2 },
      { transition: 'cut' },
    ])
    expect(edits[1]).toEqual({ transition: 'crossfade', crossfadeFrames: 6 })
  })

  it('drop a trim dragged back to the clip’s edge, and a cut’s fade length', () => {
    const edits = [{ in: 4, out: 90 }, {}]
    expect(withTrim(edits, 0, 'in', 0, 120)).toEqual([{ out: 90 }, {}])
    expect(withTrim(edits, 0, 'out', 120, 120)).toEqual([{ in: 4 }, {}])
    expect(withTrim(edits, 1, 'out', 100, 120)).toEqual([{ in: 4, out: 90 }, { out: 100 }])
    const faded = withTransition(edits, 0, 'crossfade', 8)
    expect(faded[0]).toEqual({ in: 4, out: 90, transition: 'crossfade', crossfadeFrames: 8 })
    expect(withTransition(faded, 0, 'cut', 8)[0]).toEqual({ in: 4, out: 90, transition: 'cut' })
  })

  it('never make a sequence longer than its clips or a clip shorter than a frame', () => {
    const clip = fc.record({
      frames: fc.integer({ min: 1, max: 300 }),
      in: fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined }),
      out: fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined }),
      fade: fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined }),
    })
    fc.assert(
      fc.property(fc.array(clip, { minLength: 1, maxLength: 6 }), (clips) => {
        const edits = clips.map((c) => ({
          ...(c.in === undefined ? {} : { in: c.in }),
          ...(c.out === undefined ? {} : { out: c.out }),
          ...(c.fade === undefined
            ? {}
            : { transition: 'crossfade' as const, crossfadeFrames: c.fade }),
        }))
        const spans = clips.map((c, k) => clipSpan(edits[k] ?? {}, c.frames))
        for (const span of spans) expect(span.out - span.in).toBeGreaterThanOrEqual(1)
        const total = sequenceFrames(edits, spans)
        const whole = clips.reduce((sum, c) => sum + c.frames, 0)
        expect(total).toBeGreaterThanOrEqual(1)
        expect(total).toBeLessThanOrEqual(whole)
      }),
    )
  })
})
