import { ERROR_CODES, type ShotchainError } from '@shotchain/errors'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { EditClip, EditList } from './edit-list.ts'
import { sequenceTimes } from './sequence-times.ts'

const clip = (label: string, extra: Partial<EditClip> = {}): EditClip => ({
  label,
  media: `/runs/r1/${label}.mp4`,
  frames: 120,
  ...extra,
})

const list = (clips: EditClip[], extra: Partial<EditList> = {}): EditList => ({
  name: 'Three-shot chain',
  rate: { numerator: 24, denominator: 1 },
  clips,
  ...extra,
})

function refusal(edit: EditList): ShotchainError {
  try {
    sequenceTimes(edit)
  } catch (error) {
    return error as ShotchainError
  }
  throw new Error('the edit list was accepted')
}

describe('sequenceTimes', () => {
  it('butts whole clips together at cuts', () => {
    const times = sequenceTimes(list([clip('shot1'), clip('shot2'), clip('shot3')]))
    expect(times.totalFrames).toBe(360)
    expect(times.clips.map((c) => [c.recordIn, c.recordOut])).toEqual([
      [0, 120],
      [120, 240],
      [240, 360],
    ])
  })

  it('takes trims and a crossfade off the total, frame-exactly', () => {
    const times = sequenceTimes(
      list([
        clip('shot1', { in: 5, next: { kind: 'crossfade', frames: 12 } }),
        clip('shot2', { out: 110 }),
        clip('shot3'),
      ]),
    )
    // 115 + 110 + 120 − 12
    expect(times.totalFrames).toBe(333)
    expect(times.clips.map((c) => [c.sourceIn, c.sourceOut, c.recordIn, c.recordOut])).toEqual([
      [5, 120, 0, 115],
      [0, 110, 103, 213],
      [0, 120, 213, 333],
    ])
    expect(times.clips.map((c) => [c.overlapIn, c.overlapOut])).toEqual([
      [0, 12],
      [12, 0],
      [0, 0],
    ])
  })

  it('lays a soundtrack under the picture, cut to its length', () => {
    const soundtrack = { media: 'music.mp3', frames: 1000, fadeOutFrames: 48 }
    const times = sequenceTimes(list([clip('shot1'), clip('shot2')], { soundtrack }))
    expect(times.soundtrack).toEqual({
      media: 'music.mp3',
      available: 1000,
      frames: 240,
      fadeOutFrames: 48,
    })
    const short = sequenceTimes(
      list([clip('shot1'), clip('shot2')], { soundtrack: { media: 'a.wav', frames: 100 } }),
    )
    expect(short.soundtrack).toMatchObject({ frames: 100, fadeOutFrames: 0 })
  })

  it('ignores a transition on the last clip: there is nothing to fade into', () => {
    const times = sequenceTimes(list([clip('shot1', { next: { kind: 'crossfade', frames: 12 } })]))
    expect(times.totalFrames).toBe(120)
  })

  it('always lasts the sum of the trimmed clips minus the crossfades, with no gap between records', () => {
    const arbClip = fc.record({
      frames: fc.integer({ min: 40, max: 300 }),
      head: fc.integer({ min: 0, max: 10 }),
      tail: fc.integer({ min: 0, max: 10 }),
      fade: fc.integer({ min: 0, max: 10 }),
    })
    fc.assert(
      fc.property(fc.array(arbClip, { minLength: 1, maxLength: 8 }), (specs) => {
        const clips = specs.map((s, k) =>
          clip(`shot${k + 1}`, {
            frames: s.frames,
            in: s.head,
            out: s.frames - s.tail,
            next: s.fade === 0 ? { kind: 'cut' } : { kind: 'crossfade', frames: s.fade },
          }),
        )
        const times = sequenceTimes(list(clips))
        const fades = specs.slice(0, -1).reduce((sum, s) => sum + s.fade, 0)
        const trimmed = specs.reduce((sum, s) => sum + s.frames - s.head - s.tail, 0)
        expect(times.totalFrames).toBe(trimmed - fades)
        times.clips.forEach((c, k) => {
          expect(c.recordOut - c.recordIn).toBe(c.sourceOut - c.sourceIn)
          const before = times.clips[k - 1]
          if (before) expect(c.recordIn).toBe(before.recordOut - c.overlapIn)
        })
      }),
    )
  })

  describe('refuses, naming the clip', () => {
    it.each([
      [
        'an out before the in',
        [clip('shot1'), clip('shot2', { in: 50, out: 40 })],
        'clips[1].out',
        /clip "shot2".*out 40 is not after in 50/,
      ],
      [
        'an out equal to the in',
        [clip('shot1', { in: 7, out: 7 })],
        'clips[0].out',
        /clip "shot1".*not after/,
      ],
      [
        'a trim beyond the clip',
        [clip('shot1'), clip('shot2', { out: 121 })],
        'clips[1].out',
        /clip "shot2".*out 121 is beyond its 120 frames/,
      ],
      [
        'a negative in',
        [clip('shot1', { in: -1 })],
        'clips[0].in',
        /clip "shot1".*in must be a whole frame/,
      ],
      ['a fractional trim', [clip('shot1', { out: 100.5 })], 'clips[0].out', /clip "shot1"/],
      [
        'a clip of no frames',
        [clip('shot1', { frames: 0 })],
        'clips[0].frames',
        /clip "shot1".*length/,
      ],
      [
        'a crossfade longer than the incoming trimmed clip',
        [clip('shot1', { next: { kind: 'crossfade', frames: 30 } }), clip('shot2', { in: 100 })],
        'clips[0].next.frames',
        /crossfade of 30 frames into clip "shot2".*longer than clip "shot2" \(clips\[1\]\) \(20 frames/,
      ],
      [
        'a crossfade longer than the outgoing trimmed clip',
        [clip('shot1', { out: 10, next: { kind: 'crossfade', frames: 11 } }), clip('shot2')],
        'clips[0].next.frames',
        /longer than clip "shot1"/,
      ],
      [
        'two crossfades that overlap on one clip',
        [
          clip('shot1', { next: { kind: 'crossfade', frames: 12 } }),
          clip('shot2', { out: 20, next: { kind: 'crossfade', frames: 12 } }),
          clip('shot3'),
        ],
        'clips[1].in',
        /clip "shot2".*crossfades \(12 in, 12 out\) overlap on its 20 trimmed frames/,
      ],
      [
        'a crossfade of no frames',
        [clip('shot1', { next: { kind: 'crossfade', frames: 0 } }), clip('shot2')],
        'clips[0].next.frames',
        /clip "shot1"/,
      ],
    ] as const)('%s', (_, clips, field, message) => {
      const error = refusal(list([...clips]))
      expect(error.code).toBe(ERROR_CODES.validation)
      expect(error.field).toBe(field)
      expect(error.message).toMatch(message)
    })

    it('a rate that is not positive, or not a whole-number ratio', () => {
      for (const rate of [
        { numerator: 0, denominator: 1 },
        { numerator: 24, denominator: 0 },
        { numerator: -24, denominator: 1 },
        { numerator: 23.976, denominator: 1 },
      ]) {
        const error = refusal(list([clip('shot1')], { rate }))
        expect([error.code, error.field]).toEqual([ERROR_CODES.validation, 'rate'])
        expect(error.message).toMatch(/frame rate must be a positive/)
      }
    })

    it('no clips, and a soundtrack fade longer than the music under the picture', () => {
      expect(refusal(list([])).field).toBe('clips')
      const error = refusal(
        list([clip('shot1')], { soundtrack: { media: 'm.mp3', frames: 500, fadeOutFrames: 121 } }),
      )
      expect(error.field).toBe('soundtrack.fadeOutFrames')
      expect(error.message).toMatch(/up to the 120 frames under the picture, got 121/)
    })
  })
})
