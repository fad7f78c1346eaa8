import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'

/** The repository's root, where the README's commands are run. */
export const REPO_ROOT = resolve(import.meta.dirname, '../../..')

/**
 * The command the README's Commands table gives for `what` (its first column), exactly as
 * written there. Throws when the row or its command is missing, so a README edit that drops one
 * fails the test that runs it.
 */
export function readmeCommand(what: string): string {
  const readme = readFileSync(resolve(REPO_ROOT, 'README.md'), 'utf8')
  for (const line of readme.split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim())
    if (cells[1] !== what) continue
    const command = /`([^`]+)`/.exec(cells[2] ?? '')?.[1]
    if (command) return command
  }
  throw new Error(`README.md has no command for "${what}" in its Commands table`)
}

/**
 * The environment a person following the README has: this process's, without the variables a
 * test or CI may carry that the README never asks for (npm settings, a fal key, a state folder).
 */
export function readerEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [name, value] of Object.entries(process.env)) {
    if (/^(npm_|FAL_KEY$|SHOTCHAIN_|VITEST|INIT_CWD$)/i.test(name)) continue
    env[name] = value
  }
  return { ...env, ...extra }
}
