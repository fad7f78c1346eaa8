import { aptAccess, aptInstall } from './apt.ts'
import { findChromium, NO_CHROMIUM_MESSAGE } from './find-chromium.ts'
import { findPostgresBin, NO_POSTGRES_MESSAGE } from './postgres/find-postgres.ts'

/**
 * The first step of `pnpm test`: makes sure the machine has what the tests need from outside
 * npm — a Chromium for the browser tests and a PostgreSQL server for the store's tests. Installs
 * Debian's `chromium` (or `postgresql`) when none is found and apt-get can run as root; otherwise
 * stops with one line naming what to install, before anything runs.
 */
function prepareChromium(): boolean {
  if (findChromium() !== undefined) return true
  const access = aptAccess()
  if (access === undefined) return false
  process.stderr.write('test machine: no Chromium found; installing Debian’s chromium\n')
  return aptInstall(access, ['chromium']) && findChromium() !== undefined
}

/** Installs Debian's `postgresql` (its server programs, and the `postgres` user) when missing. */
function preparePostgres(): boolean {
  if (findPostgresBin() !== undefined) return true
  const access = aptAccess()
  if (access === undefined) return false
  process.stderr.write('test machine: no PostgreSQL found; installing Debian’s postgresql\n')
  return aptInstall(access, ['postgresql']) && findPostgresBin() !== undefined
}

try {
  if (!prepareChromium()) {
    process.stderr.write(`test machine: ${NO_CHROMIUM_MESSAGE}\n`)
    process.exitCode = 1
  }
  if (!preparePostgres()) {
    process.stderr.write(`test machine: ${NO_POSTGRES_MESSAGE}\n`)
    process.exitCode = 1
  }
} catch (error) {
  process.stderr.write(`test machine: ${error instanceof Error ? error.message : error}\n`)
  process.exitCode = 1
}
