import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

/** How a child process ended. */
export interface ScriptExit {
  readonly code: number | null
  readonly signal: NodeJS.Signals | null
  readonly stderr: string
}

/**
 * Runs `src/testing/<name>` in a child Node process through tsx, with this process's environment
 * and `env` over it. For tests only.
 */
export function runScript(
  name: string,
  args: readonly string[],
  env: Readonly<Record<string, string>> = {},
): Promise<ScriptExit> {
  const script = fileURLToPath(new URL(`./${name}`, import.meta.url))
  const cwd = fileURLToPath(new URL('../..', import.meta.url))
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
      cwd,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString()
    })
    child.on('error', reject)
    child.on('close', (code, signal) => resolve({ code, signal, stderr }))
  })
}
