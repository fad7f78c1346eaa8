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
