import { parseArgs } from 'node:util'
import type { FalEmulatorOptions } from '../server/start-fal-emulator.ts'

/** Usage text of the command line. */
export const USAGE = `Usage: fal-emulator [options]
  --port <n>             port on 127.0.0.1 (default 8787; 0 picks a free one)
  --host <addr>          interface to bind (default 127.0.0.1)
  --storage-dir <dir>    where uploads, outputs and jobs live, kept across restarts
                         (default: a temp folder removed on exit)
  --queue-latency <ms>   least time a job spends IN_QUEUE
  --run-latency <ms>     least time a job spends IN_PROGRESS
  --concurrency <n>      jobs running at once (default 2)
  --video-long-side <px> long side of generated videos (default 1280)
  --seed <n>             seed of the fault PRNG
  --api-key <key>        accept only Authorization: Key <key> (and require it on /_emulator)
  --no-auth              accept requests without Authorization: Key ... (default: 401)
  --require-auth         the default; kept for older scripts
  --allow-host <name>    also accept this Host header name (repeatable; loopback always is)
  --allow-origin <url>   also accept this browser Origin (repeatable; loopback pages always are)
  --immediate-cancel     a cancel ends a running job at once (default: it finishes and bills)
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
      'no-auth': { type: 'boolean' },
      'immediate-cancel': { type: 'boolean' },
      'api-key': { type: 'string' },
      'allow-host': { type: 'string', multiple: true },
      'allow-origin': { type: 'string', multiple: true },
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
  if (values['no-auth'] === true) options.requireAuth = false
  if (values['immediate-cancel'] === true) options.immediateCancel = true
  if (typeof values['api-key'] === 'string') options.apiKey = values['api-key']
  if (values['allow-host'] !== undefined) options.allowedHosts = values['allow-host']
  if (values['allow-origin'] !== undefined) {
    options.allowedOrigins = ['loopback', ...values['allow-origin']]
  }
  return options
}
