#!/usr/bin/env -S node --import tsx
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { isLoopback } from './http/guard-origin.ts'
import { createServer } from './server/create-server.ts'
import { parseServerArgs } from './server/parse-server-args.ts'

// The process shell around createServer: arguments, .env, the URL, signals.
const parsed = parseServerArgs(process.argv.slice(2))
if (!parsed.ok) {
  process.stderr.write(`${parsed.message}\n`)
  process.exit(2)
}
const { port, host } = parsed.args
const envFile = resolve(process.env.INIT_CWD ?? process.cwd(), '.env')
// Values already in the environment win over the file's.
if (existsSync(envFile)) process.loadEnvFile(envFile)
if (!isLoopback(host)) {
  process.stderr.write(
    `warning: listening on ${host}, not loopback: other machines can reach this server and spend your fal credit\n`,
  )
}
const server = await createServer({ env: process.env, port, host })
process.stdout.write(
  `Shotchain is running at ${server.url} (${server.fal === 'fal' ? 'fal: runs are billed' : 'offline emulator: nothing is billed'})\n`,
)
let stopping = false
const stop = () => {
  if (stopping) process.exit(130)
  stopping = true
  process.stderr.write('stopping: cancelling running runs (press again to quit at once)\n')
  void server.close().then(() => process.exit(0))
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
