import { type BesideJob, runBeside } from './run-beside.ts'

/**
 * The checks of `pnpm test` after the machine is prepared and the lint passed: the type check,
 * the browser files and the other test files, as three processes side by side. In one Vitest
 * process, projects of one group share a single queue of workers, so browser files (which mostly
 * wait on a page or a server) and units (which compute) could not overlap; two processes can.
 */
const JOBS: readonly BesideJob[] = [
  { label: 'types', command: 'pnpm', args: ['--silent', 'typecheck'] },
  { label: 'browser', command: 'vitest', args: ['run', '--project', 'browser'] },
  {
    label: 'units',
    command: 'vitest',
    args: ['run', '--project', 'pure units', '--project', 'units and servers'],
  },
]

const started = Date.now()
const write = (line: string) => process.stdout.write(`${line}\n`)
const results = await runBeside(JOBS, write)
write('')
for (const { label, code, seconds } of results) {
  write(`${label}: ${code === 0 ? 'passed' : `FAILED (exit code ${code})`} in ${seconds} s`)
}
write(`all checks: ${Math.round((Date.now() - started) / 1000)} s`)
if (results.some((result) => result.code !== 0)) process.exitCode = 1
