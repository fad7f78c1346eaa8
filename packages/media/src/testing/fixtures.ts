import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { lazyBinaryPaths } from '../process/binaries.ts'
import { runFfmpeg } from '../process/run-tool.ts'

/**
 * Timeout for tests and hooks that run ffmpeg. Generous because tests share two cores with
 * whatever else runs; tests never assert on time.
 */
export const SLOW_MS = 30_000

/** The installed binaries, as the tools resolve them. */
export const testBinaries = lazyBinaryPaths({})

/** A temporary folder for one test file; call `cleanup` in `afterAll`. */
export async function makeTempDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'shotchain-media-test-'))
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) }
}

/** Runs ffmpeg with `args` (after `-v error -y`), for generating fixtures. */
export async function ffmpeg(...args: string[]): Promise<void> {
  await runFfmpeg(testBinaries().ffmpeg, ['-v', 'error', ...args], 'generating a test fixture')
}

/**
 * A still image from one of ffmpeg's lavfi sources, e.g. `testsrc`, `mandelbrot`, `color=c=red`,
 * optionally followed by filters (`color=c=red@0.5,format=rgba`); the size goes to the source.
 */
export async function makeImage(
  file: string,
  source: string,
  width: number,
  height: number,
  encoder: string[] = [],
): Promise<string> {
  const [head = '', ...filters] = source.split(',')
  const sized = `${head}${head.includes('=') ? ':' : '='}s=${width}x${height}`
  const graph = [sized, ...filters].join(',')
  await ffmpeg('-f', 'lavfi', '-i', graph, '-frames:v', '1', ...encoder, file)
  return file
}

/** Options of {@link makeClip}. */
export interface ClipOptions {
  readonly source?: string
  readonly width: number
  readonly height: number
  readonly fps: number
  readonly durationSec: number
  /** Seconds of a sine tone to add; none when left out. */
  readonly audioSec?: number
  readonly extra?: string[]
}

/**
 * An H.264 MP4 (x264 defaults: B-frames, long GOP) from a lavfi source (`testsrc2` by default,
 * or e.g. `color=c=0x303030`).
 */
export async function makeClip(file: string, o: ClipOptions): Promise<string> {
  const head = o.source ?? 'testsrc2'
  const source = `${head}${head.includes('=') ? ':' : '='}s=${o.width}x${o.height}:r=${o.fps}`
  const audio =
    o.audioSec === undefined ? [] : ['-f', 'lavfi', '-t', String(o.audioSec), '-i', 'sine=f=440']
  const audioCodec = o.audioSec === undefined ? [] : ['-c:a', 'aac']
  await ffmpeg(
    ...['-f', 'lavfi', '-t', String(o.durationSec), '-i', source, ...audio],
    ...['-c:v', 'libx264', '-preset', 'veryfast', '-pix_fmt', 'yuv420p', ...audioCodec],
    ...(o.extra ?? []),
    file,
  )
  return file
}
