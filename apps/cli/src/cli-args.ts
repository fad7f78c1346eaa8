import { parseArgs } from 'node:util'

export const USAGE = `usage:
  shotchain run <workflow.json> [--out DIR] [--to NODE] [--budget USD] [--yes] [--concurrency N] [--resubmit NODE]
                                     [--allow-unknown-price]
  shotchain validate <workflow.json>
  shotchain estimate <workflow.json> [--to NODE]
  shotchain models [TEXT]            fal models with a node, found by id, name or kind

Without FAL_KEY, shotchain runs on the fal emulator (offline; clips are synthetic, nothing billed).
State (cache, journal, media) lives in $SHOTCHAIN_HOME, by default ~/.shotchain.`

/** `shotchain models [TEXT]`: the words to find models by (empty: all of them). */
export interface ModelsArgs {
  readonly command: 'models'
  readonly text: string
}

export interface CliArgs {
  readonly command: 'run' | 'validate' | 'estimate'
  readonly file: string
  readonly out: string | undefined
  readonly to: readonly string[] | undefined
  readonly budget: number | undefined
  readonly yes: boolean
  readonly concurrency: number
  readonly resubmit: readonly string[]
  /** Run models whose price is unknown although there is a budget. */
  readonly allowUnknownPrice: boolean
}

/** Parses the command line; a string is a message for a person (with the usage). */
export function parseCliArgs(argv: readonly string[]): CliArgs | ModelsArgs | string {
  let parsed: ReturnType<typeof parse>
  try {
    parsed = parse(argv)
  } catch (error) {
    return `${(error as Error).message}\n\n${USAGE}`
  }
  const { values, positionals } = parsed
  if (values.help) return USAGE
  const [command, file, ...rest] = positionals
  if (command === 'models') return { command, text: positionals.slice(1).join(' ') }
  if (command !== 'run' && command !== 'validate' && command !== 'estimate') {
    return `${command === undefined ? 'no command given' : `unknown command "${command}"`}\n\n${USAGE}`
  }
  if (file === undefined) return `shotchain ${command} needs a workflow file\n\n${USAGE}`
  if (rest.length > 0) return `unexpected argument "${rest[0]}"\n\n${USAGE}`
  const budget = values.budget === undefined ? undefined : Number(values.budget)
  if (budget !== undefined && !(budget >= 0))
    return `--budget must be a number of dollars, not "${values.budget}"`
  const concurrency = Number(values.concurrency ?? '2')
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    return `--concurrency must be a whole number of at least 1, not "${values.concurrency}"`
  }
  return {
    command,
    file,
    out: values.out,
    to: values.to,
    budget,
    yes: values.yes === true,
    concurrency,
    resubmit: values.resubmit ?? [],
    allowUnknownPrice: values['allow-unknown-price'] === true,
  }
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      to: { type: 'string', multiple: true },
      budget: { type: 'string' },
      yes: { type: 'boolean', short: 'y' },
      concurrency: { type: 'string' },
      resubmit: { type: 'string', multiple: true },
      'allow-unknown-price': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  })
}
