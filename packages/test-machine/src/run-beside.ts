import { spawn } from 'node:child_process'

/** One command {@link runBeside} starts: its label prefixes every line it prints. */
export interface BesideJob {
  readonly label: string
  readonly command: string
  readonly args: readonly string[]
}

/** How one job ended. */
export interface BesideResult {
  readonly label: string
  readonly code: number
  readonly seconds: number
}

/** Where {@link runBeside} writes the jobs' lines and its own. */
export type WriteLine = (line: string) => void

function prefixLines(label: string, write: WriteLine): (chunk: Buffer | string) => void {
  let partial = ''
  return (chunk) => {
    const lines = (partial + chunk.toString()).split('\n')
    partial = lines.pop() ?? ''
    for (const line of lines) write(`[${label}] ${line}`)
  }
}

function runJob(job: BesideJob, write: WriteLine): Promise<BesideResult> {
  const started = Date.now()
  return new Promise((resolve) => {
    const child = spawn(job.command, job.args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      // Reporters print plain lines, not a redrawn screen, when several share one log.
      env: { ...process.env, CI: process.env.CI ?? '1', NO_COLOR: '1' },
    })
    child.stdout.on('data', prefixLines(job.label, write))
    child.stderr.on('data', prefixLines(job.label, write))
    const end = (code: number) =>
      resolve({ label: job.label, code, seconds: Math.round((Date.now() - started) / 1000) })
    child.on('error', (error) => {
      write(`[${job.label}] could not start ${job.command}: ${error.message}`)
      end(127)
    })
    child.on('close', (code, signal) => end(code ?? (signal ? 128 : 1)))
  })
}

/**
 * Runs the jobs at the same time (the machine's cores are idle while browser tests wait), each
 * line prefixed with its job's label, and resolves when all have ended with how each ended.
 * A job that fails does not stop the others: the log then says everything that is wrong.
 */
export async function runBeside(
  jobs: readonly BesideJob[],
  write: WriteLine,
): Promise<readonly BesideResult[]> {
  return Promise.all(jobs.map((job) => runJob(job, write)))
}
