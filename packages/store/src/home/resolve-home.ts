import { mkdirSync } from 'node:fs'
import { homedir as osHomedir } from 'node:os'
import { join, resolve } from 'node:path'

/**
 * The state folder: `SHOTCHAIN_HOME` when set (and not empty), else `<homedir>/.shotchain`.
 * Creates it when missing and returns its absolute path.
 * @example openStore(resolveHome())
 */
export function resolveHome(
  env: Readonly<Record<string, string | undefined>> = process.env,
  homedir: string = osHomedir(),
): string {
  const configured = env.SHOTCHAIN_HOME?.trim()
  const home = resolve(
    configured === undefined || configured === '' ? join(homedir, '.shotchain') : configured,
  )
  mkdirSync(home, { recursive: true })
  return home
}
