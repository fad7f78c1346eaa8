import { createInterface } from 'node:readline/promises'
import { liveTerminal } from './cli-io.ts'
import { runCli } from './run-cli.ts'

/**
 * The process shell around {@link runCli}: real streams, Ctrl+C as a cancel, the exit code.
 * `cwd` is the folder relative paths on the command line are read against.
 */
export async function runProcess(cwd: string): Promise<void> {
  const terminal = liveTerminal(process.stdout, process.env)
  const controller = new AbortController()
  let interrupts = 0
  process.on('SIGINT', () => {
    interrupts++
    if (interrupts > 1) process.exit(130)
    // On a terminal the live view says it (a line written under it would break its redraw).
    if (terminal === undefined)
      process.stderr.write(
        '\ncancelling: asking fal to cancel running jobs (Ctrl+C again to quit at once)\n',
      )
    controller.abort()
  })

  const confirm = process.stdin.isTTY
    ? async (question: string) => {
        const rl = createInterface({ input: process.stdin, output: process.stdout })
        const answer = await rl.question(`${question} [y/N] `)
        rl.close()
        return /^y(es)?$/i.test(answer.trim())
      }
    : undefined

  process.exitCode = await runCli(process.argv.slice(2), {
    env: process.env,
    cwd,
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    terminal,
    confirm,
    signal: controller.signal,
  })
}
