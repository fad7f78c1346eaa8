import { describeFalTarget, falTargetFromEnv } from '@shotchain/runtime'
import { parseCliArgs } from './cli-args.ts'
import { type CliIo, EXIT } from './cli-io.ts'
import { estimateCommand, validateCommand } from './commands/check-commands.ts'
import { modelsCommand } from './commands/models-command.ts'
import { runCommand } from './commands/run-command.ts'

/**
 * The whole CLI as a function: parses `argv`, runs the command and resolves with the exit code.
 * `run` says on its first line which fal it talks to; `validate`, `estimate` and `models` talk to none.
 * Errors become messages, not stack traces.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseCliArgs(argv)
  if (typeof args === 'string') {
    io.err(args)
    return argv.includes('--help') || argv.includes('-h') ? EXIT.ok : EXIT.invalid
  }
  try {
    if (args.command === 'models') return modelsCommand(args, io)
    if (args.command === 'validate') return await validateCommand(args, io)
    if (args.command === 'estimate') return await estimateCommand(args, io)
    io.out(`shotchain: ${describeFalTarget(falTargetFromEnv(io.env))}`)
    return await runCommand(args, io)
  } catch (error) {
    io.err(`shotchain: ${error instanceof Error ? error.message : String(error)}`)
    return EXIT.failed
  }
}
