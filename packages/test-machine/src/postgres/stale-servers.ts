import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/** The prefix of each test server's temporary folder. */
export const FOLDER_PREFIX = 'shotchain-pg-'

/** The file in a server's folder naming the process that started it. */
const OWNER_FILE = 'owner.pid'

/** Records that this process owns the server in `folder`. */
export function claimFolder(folder: string): void {
  writeFileSync(join(folder, OWNER_FILE), String(process.pid))
}

/**
 * Stops the test servers under `parent` whose owner died without stopping them (a test process
 * killed on a timeout, say) and removes their folders. Servers of live processes are left alone.
 * @returns how many it stopped.
 */
export function sweepStaleServers(parent: string): number {
  let swept = 0
  for (const name of readdirSync(parent)) {
    if (!name.startsWith(FOLDER_PREFIX)) continue
    const folder = join(parent, name)
    const owner = readPid(join(folder, OWNER_FILE))
    if (owner === undefined || isAlive(owner)) continue
    const server = readPid(join(folder, 'data', 'postmaster.pid'))
    // SIGQUIT: PostgreSQL's immediate shutdown; a test's data need not be kept.
    if (server !== undefined && isAlive(server)) {
      process.kill(server, 'SIGQUIT')
      waitForExit(server, 10_000)
    }
    rmSync(folder, { recursive: true, force: true })
    swept++
  }
  return swept
}

/** Blocks until `pid` has exited or `timeoutMs` passed. */
function waitForExit(pid: number, timeoutMs: number): void {
  const pause = new Int32Array(new SharedArrayBuffer(4))
  const deadline = Date.now() + timeoutMs
  while (isAlive(pid) && Date.now() < deadline) Atomics.wait(pause, 0, 0, 20)
}

function readPid(path: string): number | undefined {
  if (!existsSync(path)) return undefined
  const pid = Number(readFileSync(path, 'utf8').split('\n')[0])
  return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: alive, but another user's.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
