import { spawn } from 'node:child_process'
import { cancelledError, internalError, throwIfAborted } from './media-errors.ts'

/** What a finished ffmpeg/ffprobe process left behind. */
export interface ToolOutput {
  readonly exitCode: number
  readonly stdout: string
  /** The end of stderr (the last 16 KiB), where ffmpeg says what went wrong. */
  readonly stderr: string
}

const STDERR_KEEP = 16 * 1024
const STDOUT_LIMIT = 64 * 1024 * 1024

/**
 * Runs a binary to completion and resolves with its exit code and output, whatever the code.
 * Rejects with `cancelled` when `signal` fires (the process is killed first and awaited, so the
 * caller may remove its files) and with `internal` when the binary cannot be started.
 */
export function runTool(
  binary: string,
  args: readonly string[],
  what: string,
  signal?: AbortSignal,
): Promise<ToolOutput> {
  throwIfAborted(signal, what)
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] })
    const out: Buffer[] = []
    let outBytes = 0
    let err = ''
    let aborted = false
    let failed: Error | undefined

    const onAbort = () => {
      aborted = true
      child.kill('SIGKILL')
    }
    signal?.addEventListener('abort', onAbort, { once: true })

    child.stdout.on('data', (chunk: Buffer) => {
      outBytes += chunk.length
      if (outBytes <= STDOUT_LIMIT) out.push(chunk)
    })
    child.stderr.on('data', (chunk: Buffer) => {
      err = (err + chunk.toString('utf8')).slice(-STDERR_KEEP)
    })
    child.on('error', (error) => {
      failed = error
    })
    child.on('close', (code, killedBy) => {
      signal?.removeEventListener('abort', onAbort)
      if (aborted) return reject(cancelledError(what, signal?.reason))
      if (failed !== undefined) {
        return reject(internalError(`${what}: could not run ${binary}: ${failed.message}`, failed))
      }
      resolve({
        exitCode: code ?? -1,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: killedBy === null ? err : `${err}\nkilled by ${killedBy}`,
      })
    })
  })
}

/** The last few meaningful lines of ffmpeg's stderr, for an error message. */
export function stderrTail(stderr: string, lines = 4): string {
  const kept = stderr
    .split(/\r?\n|\r/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
  return kept.slice(-lines).join(' | ') || '(no output on stderr)'
}

/**
 * Runs ffmpeg and rejects with `internal` (carrying ffmpeg's last stderr lines) unless it exits 0.
 */
export async function runFfmpeg(
  ffmpeg: string,
  args: readonly string[],
  what: string,
  signal?: AbortSignal,
): Promise<ToolOutput> {
  const base = ['-hide_banner', '-nostdin', '-y']
  const result = await runTool(ffmpeg, [...base, ...args], what, signal)
  if (result.exitCode !== 0) {
    throw internalError(
      `${what}: ffmpeg failed (exit code ${result.exitCode}): ${stderrTail(result.stderr)}`,
      { exitCode: result.exitCode, stderr: result.stderr },
    )
  }
  return result
}
