import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

/** How this process can run apt-get as root: directly, through password-less sudo, or not at all. */
export type AptAccess = { readonly prefix: readonly string[] } | undefined

/** Whether apt-get is here and this process may run it as root (never asks for a password). */
export function aptAccess(): AptAccess {
  if (process.platform !== 'linux' || !existsSync('/usr/bin/apt-get')) return undefined
  if (process.getuid?.() === 0) return { prefix: [] }
  const sudo = spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' })
  return sudo.status === 0 ? { prefix: ['sudo', '-n'] } : undefined
}

/**
 * Installs Debian packages with apt-get (its output goes to this process's stderr).
 * @returns whether apt-get succeeded.
 */
export function aptInstall(access: NonNullable<AptAccess>, packages: readonly string[]): boolean {
  const run = (args: string[]) => {
    const [command = 'apt-get', ...rest] = [...access.prefix, 'apt-get', ...args]
    const result = spawnSync(command, rest, {
      stdio: ['ignore', process.stderr, process.stderr],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    })
    return result.status === 0
  }
  return run(['update']) && run(['install', '-y', '--no-install-recommends', ...packages])
}
