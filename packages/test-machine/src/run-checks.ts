import { spawn } from 'node:child_process'

/**
 * What `pnpm test` runs after the machine is prepared and the code linted: the type check beside
 * the unit, server and CLI tests (those wait on ffmpeg, sockets and child processes as much as
 * they compute, so the two share the cores well), then the browser tests alone (frame timing and
 * polls in a browser flake when something else holds the cores). The type check's output is held
 * and printed after the tests it ran beside. Exits non-zero when any part failed.
 */
async function main(): Promise<number> {
  const typecheck = run('pnpm', ['typecheck'], true)
  const units = await run('pnpm', ['exec', 'vitest', 'run', '--project', 'units and servers'])
  const checked = await typecheck
  process.stdout.write(checked.output)
  if (units.code !== 0 || checked.code !== 0) {
    process.stderr.write(
      `\n${units.code !== 0 ? 'unit and server tests failed' : ''}${units.code !== 0 && checked.code !== 0 ? '; ' : ''}${checked.code !== 0 ? 'the type check failed' : ''}\n`,
    )
    return 1
  }
  const browser = await run('pnpm', ['exec', 'vitest', 'run', '--project', 'browser'])
  return browser.code
}

/** Runs a command; its output goes to ours, or is held and returned when `hold`. */
function run(
  command: string,
  args: readonly string[],
  hold = false,
): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      stdio: ['ignore', hold ? 'pipe' : 'inherit', hold ? 'pipe' : 'inherit'],
    })
    let output = ''
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString()
    })
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString()
    })
    child.on('close', (code) => resolve({ code: code ?? 1, output }))
    child.on('error', (error) => resolve({ code: 1, output: `${command}: ${error.message}\n` }))
  })
}

process.exitCode = await main()
