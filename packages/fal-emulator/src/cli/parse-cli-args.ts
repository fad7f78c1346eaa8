import { parseArgs } from 'node:util'
import type { FalEmulatorOptions } from '../server/start-fal-emulator.ts'

/** Usage text of the command line. */
export const USAGE = `Usage: fal-emulator [options]
  --port <n>             port on 127.0.0.1 (default 8787; 0 picks a free one)
  --host <addr>          interface to bind (default 127.0.0.1)
  --storage-dir <dir>    where uploads and outputs live (default: a temp folder)
  --queue-latency <ms>   least time a job spends IN_QUEUE
  --run-latency <ms>     least time a job spends IN_PROGRESS
  --concurrency <n>      jobs running at once (default 2)
  --video-long-side <px> long side of generated videos (default 1280)
  --seed <n>             seed of the fault PRNG
  --require-auth         answer 401 without Authorization: Key ...
  --help                 show this text`

const NUMBERS = {
  port: 'port',
  'queue-latency': 'queueLatencyMs',
  'run-latency': 'runLatencyMs',
  concurrency: 'concurrency',
  'video-long-side': 'videoLongSide',
  seed: 'seed',
} as const

/**
 * Reads command-line arguments into emulator options. Returns `'help'` for `--help` and throws
 * an Error with a readable message for unknown options or values that are not numbers.
 */
export function parseCliArgs(argv: readonly string[]): FalEmulatorOptions | 'help' {
  // `pnpm start -- --port 1` may pass the separator through.
  const args = argv[0] === '--' ? argv.slice(1) : [...argv]
  const { values } = parseArgs({
    args,
    options: {
      host: { type: 'string' },
      'storage-dir': { type: 'string' },
      'require-auth': { type: 'boolean' },
      help: { type: 'boolean' },
      ...Object.fromEntries(Object.keys(NUMBERS).map((k) => [k, { type: 'string' as const }])),
    },
    strict: true,
  })
  if (values.help === true) return 'help'
  const options: FalEmulatorOptions = { port: 8787 }
  for (const [flag, key] of Object.entries(NUMBERS)) {
    const raw = (values as Record<string, unknown>)[flag]
    if (typeof raw !== 'string') continue
    const value = Number(raw)
    if (raw.trim() === '' || !Number.isFinite(value)) {
      throw new Error(`--${flag} expects a number, got "${raw}"`)
    }
    options[key] = value
  }
  if (typeof values.host === 'string') options.host = values.host
  if (typeof values['storage-dir'] === 'string') options.storageDir = values['storage-dir']
  if (values['require-auth'] === true) options.requireAuth = true
  return options
}
