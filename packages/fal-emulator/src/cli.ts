import { parseCliArgs, USAGE } from './cli/parse-cli-args.ts'
import type { EmulatorLogger } from './config/logger.ts'
import { startFalEmulator } from './server/start-fal-emulator.ts'

// The command line: `pnpm --filter @shotchain/fal-emulator start -- --port 8787`.
// Prints the URL on stdout, logs on stderr; stops cleanly on SIGINT/SIGTERM.

const write = (stream: NodeJS.WriteStream, text: string) => stream.write(`${text}\n`)
const logger: EmulatorLogger = {
  debug() {},
  info: (message, details) =>
    write(process.stderr, `${message} ${details ? JSON.stringify(details) : ''}`),
  warn: (message, details) =>
    write(process.stderr, `warn: ${message} ${details ? JSON.stringify(details) : ''}`),
  error: (message, details) =>
    write(process.stderr, `error: ${message} ${details ? JSON.stringify(details) : ''}`),
}

async function main(): Promise<void> {
  let options: ReturnType<typeof parseCliArgs>
  try {
    options = parseCliArgs(process.argv.slice(2))
  } catch (error) {
    write(process.stderr, `${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`)
    process.exitCode = 2
    return
  }
  if (options === 'help') {
    write(process.stdout, USAGE)
    return
  }
  const emulator = await startFalEmulator({ ...options, logger })
  write(process.stdout, `fal emulator listening on ${emulator.url}`)
  write(process.stdout, `  proxyUrl: { url: '${emulator.url}/proxy', when: 'always' }`)
  write(process.stdout, `  stats:    ${emulator.url}/_emulator/stats`)
  const stop = () => {
    void emulator.stop().then(() => process.exit(0))
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

main().catch((error: unknown) => {
  write(
    process.stderr,
    `fal emulator failed to start: ${error instanceof Error ? error.message : String(error)}`,
  )
  process.exitCode = 1
})
