import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createMediaTools, type EditList } from '@shotchain/media'
import { medianOf, timed } from '../measure.ts'

// Stitching a sequence against the old stream-copy concat: three chained 5 s 1280×720 24 fps
// clips made the way the fal emulator makes them (renderTransition with a prompt stripe, each
// starting on the previous one's last frame). Timed: concat (stream copy), stitch with cuts
// (the repeated first frames dropped), stitch with two 12-frame crossfades, and the checks the
// sequence node makes first (countFrames of a clip, repeatsAtCut of one cut). One JSON line of
// figures on stdout, progress on stderr. See docs/benchmarks.md.

const RUNS = 3
const media = createMediaTools()
const log = (message: string) => console.error(message)
const START = resolve(import.meta.dirname, '../../examples/images/harbour.jpg')
const SIZE = { width: 1280, height: 720, fps: 24, durationSec: 5 }
const STRIPES = [
  ['d04040', '40d040'],
  ['4040d0', 'd0d040'],
  ['40d0d0', 'd040d0'],
]

const medianMs = async (label: string, work: () => Promise<unknown>) =>
  Math.round(await medianOf(label, RUNS, async () => (await timed(work)).ms))

const dir = await mkdtemp(join(tmpdir(), 'shotchain-bench-stitch-'))
try {
  log('rendering three chained 5 s 1280×720 clips…')
  const clips: string[] = []
  let start = START
  for (const [k, stripe] of STRIPES.entries()) {
    const clip = join(dir, `shot${k + 1}.mp4`)
    await media.renderTransition({ start, ...SIZE, stripe }, clip)
    start = join(dir, `shot${k + 1}-last.png`)
    await media.extractFrame(clip, 'last', start)
    clips.push(clip)
  }
  const frames = await Promise.all(clips.map((clip) => media.countFrames(clip)))
  const list = (fade: boolean): EditList => ({
    name: 'bench',
    rate: { numerator: 24, denominator: 1 },
    clips: clips.map((clip, k) => ({
      label: `shot${k + 1}`,
      media: clip,
      frames: frames[k] ?? 0,
      ...(k > 0 && !fade ? { in: 1 } : {}),
      next: fade ? { kind: 'crossfade' as const, frames: 12 } : { kind: 'cut' as const },
    })),
  })
  const out = join(dir, 'sequence.mp4')
  const concatCopyMs = await medianMs('concat (stream copy)', () => media.concat(clips, out))
  const stitchCutsMs = await medianMs('stitch, cuts', () => media.stitch(list(false), out))
  const stitchCrossfadesMs = await medianMs('stitch, crossfades', () =>
    media.stitch(list(true), out),
  )
  const countFramesMs = await medianMs('countFrames, one clip', () =>
    media.countFrames(clips[0] ?? ''),
  )
  const repeatsAtCutMs = await medianMs('repeatsAtCut, one cut', () =>
    media.repeatsAtCut(clips[0] ?? '', clips[1] ?? ''),
  )
  console.log(
    JSON.stringify({
      concatCopyMs,
      stitchCutsMs,
      stitchCrossfadesMs,
      countFramesMs,
      repeatsAtCutMs,
    }),
  )
} finally {
  await rm(dir, { recursive: true, force: true })
}
