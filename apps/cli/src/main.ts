#!/usr/bin/env -S node --import tsx
import { createInterface } from 'node:readline/promises'
import { runCli } from './run-cli.ts'

// The process shell around runCli: real streams, Ctrl+C as a cancel, the exit code.
const controller = new AbortController()
let interrupts = 0
process.on('SIGINT', () => {
  interrupts++
  if (interrupts > 1) process.exit(130)
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

const code = await runCli(process.argv.slice(2), {
  env: process.env,
  cwd: process.env.INIT_CWD ?? process.cwd(),
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  confirm,
  signal: controller.signal,
})
process.exitCode = code
