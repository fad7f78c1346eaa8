import { createRequire } from 'node:module'
import { internalError } from './media-errors.ts'

/** Where the ffmpeg and ffprobe executables live. */
export interface BinaryPaths {
  readonly ffmpeg: string
  readonly ffprobe: string
}

const require = createRequire(import.meta.url)

function installedPath(pkg: string): string {
  try {
    const found = require(pkg) as { path?: unknown }
    if (typeof found.path === 'string') return found.path
    throw new Error(`${pkg} did not report a path`)
  } catch (error) {
    // The installer packages throw a plain string on unsupported platforms.
    const reason = error instanceof Error ? error.message : String(error)
    throw internalError(`${pkg} is not usable on this machine: ${reason}`, error)
  }
}

/**
 * Returns a function that resolves the binaries on first use, so that constructing media tools
 * never fails and explicit paths skip the installer packages entirely.
 */
export function lazyBinaryPaths(options: {
  ffmpegPath?: string | undefined
  ffprobePath?: string | undefined
}): () => BinaryPaths {
  let paths: BinaryPaths | undefined
  return () => {
    paths ??= {
      ffmpeg: options.ffmpegPath ?? installedPath('@ffmpeg-installer/ffmpeg'),
      ffprobe: options.ffprobePath ?? installedPath('@ffprobe-installer/ffprobe'),
    }
    return paths
  }
}
