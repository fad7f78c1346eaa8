import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'

/** Where Debian installs each PostgreSQL version's programs (`<root>/<version>/bin`). */
export const DEBIAN_POSTGRES_ROOT = '/usr/lib/postgresql'

/**
 * The folder of the newest PostgreSQL programs Debian installed (the one with `initdb`), or
 * undefined when none is.
 */
export function findPostgresBin(root: string = DEBIAN_POSTGRES_ROOT): string | undefined {
  if (!existsSync(root)) return undefined
  const versions = readdirSync(root)
    .filter((name) => /^\d+$/.test(name) && existsSync(join(root, name, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a))
  const newest = versions[0]
  return newest === undefined ? undefined : join(root, newest, 'bin')
}

/** What to install when no PostgreSQL is found, in one line. */
export const NO_POSTGRES_MESSAGE =
  'no PostgreSQL server programs found (looked for /usr/lib/postgresql/*/bin/initdb); install Debian’s postgresql package'
