import { execFile } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { createMediaTools } from '@shotchain/media'
import { medianOf, timed } from '../measure.ts'

// Media benchmark: last-frame extraction on 2 s and 10 s 1080p30 H.264 clips, against decoding
// the whole 10 s clip. If the extraction seeks, the two last-frame figures are alike and far
// below the full decode. Progress goes to stderr; the one JSON line of figures to stdout.

const RUNS = 5
const run = promisify(execFile)
const ffmpeg = (createRequire(import.meta.url)('@ffmpeg-installer/ffmpeg') as { path: string }).path
const media = createMediaTools()
const log = (message: string) => console.error(message)

/** Median wall-clock milliseconds of `times` sequential runs of `work`. */
/** Median milliseconds of `times` sequential runs of `work`, rounded; samples go to stderr. */
async function medianMs(
  label: string,
  times: number,
  work: () => Promise<unknown>,
): Promise<number> {
  return Math.round(await medianOf(label, times, async () => (await timed(work)).ms))
}

/** A 1080p30 testsrc2 clip with x264's defaults at `veryfast` (B-frames, keyframe every 250). */
async function makeClip(file: string, seconds: number): Promise<string> {
  const source = `testsrc2=s=1920x1080:r=30:d=${seconds}`
  const encode = ['-c:v', 'libx264', '-preset', 'veryfast', '-pix_fmt', 'yuv420p']
  await run(ffmpeg, ['-v', 'error', '-y', '-f', 'lavfi', '-i', source, ...encode, file])
  return file
}

const dir = await mkdtemp(join(tmpdir(), 'shotchain-bench-media-'))
try {
  log('generating 2 s and 10 s 1080p30 clips…')
  const clip2 = await makeClip(join(dir, 'clip-2s.mp4'), 2)
  const clip10 = await makeClip(join(dir, 'clip-10s.mp4'), 10)
  const png = join(dir, 'last.png')
  const lastFrameMs2s = await medianMs('last frame, 2 s', RUNS, () =>
    media.extractFrame(clip2, 'last', png),
  )
  const lastFrameMs10s = await medianMs('last frame, 10 s', RUNS, () =>
    media.extractFrame(clip10, 'last', png),
  )
  const fullDecodeMs10s = await medianMs('full decode, 10 s', RUNS, () =>
    run(ffmpeg, ['-v', 'error', '-i', clip10, '-f', 'null', '-']),
  )
  const ratio = lastFrameMs10s / lastFrameMs2s
  log(
    `10 s / 2 s = ${ratio.toFixed(2)} (target ≤ 1.3: ${ratio <= 1.3 ? 'met' : 'MISSED'}); ` +
      `10 s last frame ${lastFrameMs10s} ms (target < 300: ${lastFrameMs10s < 300 ? 'met' : 'MISSED'})`,
  )
  console.log(JSON.stringify({ lastFrameMs2s, lastFrameMs10s, fullDecodeMs10s }))
} finally {
  await rm(dir, { recursive: true, force: true })
}
