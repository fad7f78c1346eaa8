import fc from 'fast-check'
import type { EditList } from '../edit-list/edit-list.ts'

/**
 * The edit list the edit-list tests share: four shots at 24 fps, trimmed at both ends, crossfades
 * of 12 (even) and 7 (odd) frames then a cut, media as an absolute path with a space, a URL with a
 * query and a relative path, and a soundtrack longer than the picture with a fade-out.
 */
export const fourShotChain: EditList = {
  name: 'Four-shot chain',
  rate: { numerator: 24, denominator: 1 },
  clips: [
    {
      label: 'shot1',
      media: '/runs/r1/shot 1.mp4',
      frames: 120,
      in: 5,
      next: { kind: 'crossfade', frames: 12 },
    },
    {
      label: 'shot2',
      media: '/runs/r1/shot2.mp4',
      frames: 120,
      out: 110,
      next: { kind: 'crossfade', frames: 7 },
    },
    { label: 'shot3', media: 'https://cdn.example/shot3.mp4?sig=1', frames: 120, in: 1 },
    { label: 'shot4', media: 'clips/shot4.mp4', frames: 96 },
  ],
  soundtrack: { media: '/music/theme.wav', frames: 2000, fadeOutFrames: 48 },
}

/**
 * Any valid edit list: 1–8 clips of 40–300 frames trimmed by up to 10 at each end, a cut or a
 * crossfade of 1–10 frames at each seam (so two fades never overlap on a clip), a rate of 24, 25,
 * 30 or 30000/1001, and sometimes a soundtrack.
 */
export const arbitraryEditList: fc.Arbitrary<EditList> = fc
  .record({
    rate: fc.constantFrom(
      { numerator: 24, denominator: 1 },
      { numerator: 25, denominator: 1 },
      { numerator: 30, denominator: 1 },
      { numerator: 30000, denominator: 1001 },
    ),
    clips: fc.array(
      fc.record({
        frames: fc.integer({ min: 40, max: 300 }),
        head: fc.integer({ min: 0, max: 10 }),
        tail: fc.integer({ min: 0, max: 10 }),
        fade: fc.integer({ min: 0, max: 10 }),
      }),
      { minLength: 1, maxLength: 8 },
    ),
    soundtrack: fc.option(
      fc.record({
        frames: fc.integer({ min: 1, max: 3000 }),
        fade: fc.integer({ min: 0, max: 1 }),
      }),
      { nil: undefined },
    ),
  })
  .map(({ rate, clips, soundtrack }) => ({
    name: 'Any chain',
    rate,
    clips: clips.map((c, k) => ({
      label: `shot${k + 1}`,
      media: `/runs/r1/shot${k + 1}.mp4`,
      frames: c.frames,
      in: c.head,
      out: c.frames - c.tail,
      next:
        c.fade === 0 ? { kind: 'cut' as const } : { kind: 'crossfade' as const, frames: c.fade },
    })),
    soundtrack:
      soundtrack === undefined
        ? undefined
        : { media: '/music/theme.wav', frames: soundtrack.frames, fadeOutFrames: soundtrack.fade },
  }))
