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
/** A stop that takes longer than this (a hung network call, a stuck disk) quits the process. */
const STOP_DEADLINE_MS = 4_500

let server: Awaited<ReturnType<typeof createServer>>
try {
  server = await createServer({
    env: process.env,
    port,
    host,
    packsFrom: process.env.INIT_CWD ?? process.cwd(),
  })
} catch (error) {
  // A refusal with a message for a person (another server holds the home, a bad setting): no stack.
  const message = error instanceof Error ? error.message : String(error)
  process.stderr.write(`shotchain: cannot start: ${message}\n`)
  process.exit(1)
}
process.stdout.write(
  `Shotchain is running at ${server.url} (${server.fal === 'fal' ? 'fal: runs are billed' : 'offline emulator: nothing is billed'})\n`,
)
let stopping = false
// Stopping the server is not a decision to throw paid work away: runs are detached (fal jobs go
// on, journal kept) and the next start resumes them. Cancelling is the API's cancel.
const stop = () => {
  if (stopping) process.exit(130)
  stopping = true
  process.stderr.write(
    'stopping: runs in progress resume on the next start and their fal jobs go on (press again to quit at once)\n',
  )
  setTimeout(() => {
    process.stderr.write('stopping took too long: quitting now; runs resume on the next start\n')
    process.exit(1)
  }, STOP_DEADLINE_MS).unref()
  server.close({ runs: 'detach' }).then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`stopping failed: ${String(error)}\n`)
      process.exit(1)
    },
  )
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
