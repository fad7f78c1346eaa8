import { aptAccess, aptInstall } from './apt.ts'
import { findChromium, NO_CHROMIUM_MESSAGE } from './find-chromium.ts'

/**
 * The first step of `pnpm test`: makes sure the machine has what the tests need from outside
 * npm — today a Chromium for the browser tests. Installs Debian's `chromium` when none is found
 * and apt-get can run as root; otherwise stops with one line naming what to install, before
 * anything runs.
 */
function prepareChromium(): boolean {
  if (findChromium() !== undefined) return true
  const access = aptAccess()
  if (access === undefined) return false
  process.stderr.write('test machine: no Chromium found; installing Debian’s chromium\n')
  return aptInstall(access, ['chromium']) && findChromium() !== undefined
}

try {
  if (!prepareChromium()) {
    process.stderr.write(`test machine: ${NO_CHROMIUM_MESSAGE}\n`)
    process.exitCode = 1
  }
} catch (error) {
  process.stderr.write(`test machine: ${error instanceof Error ? error.message : error}\n`)
  process.exitCode = 1
}
