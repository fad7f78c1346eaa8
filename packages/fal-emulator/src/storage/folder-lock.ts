import { readFile, rm, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'

// Folders claimed by emulators of this process (a lock file with our own pid is ours only then).
const held = new Set<string>()

/** Thrown by {@link lockFolder} when a live process already serves the folder. */
export class FolderInUseError extends Error {
  readonly pid: number
  constructor(dir: string, pid: number) {
    super(`the fal emulator folder ${dir} is in use by process ${pid}`)
    this.name = 'FolderInUseError'
    this.pid = pid
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Claims `dir` for this process (`<dir>/emulator.lock` holds the pid), so two emulators never
 * run the same saved jobs. A lock left by a killed process is taken over. Resolves with the
 * release function; rejects with {@link FolderInUseError} while a live process holds it.
 */
export async function lockFolder(dir: string): Promise<() => Promise<void>> {
  const path = join(dir, 'emulator.lock')
  const key = resolve(dir)
  if (held.has(key)) throw new FolderInUseError(dir, process.pid)
  const claim = () => writeFile(path, String(process.pid), { flag: 'wx' })
  try {
    await claim()
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    const holder = Number((await readFile(path, 'utf8').catch(() => '')).trim())
    if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isAlive(holder)) {
      throw new FolderInUseError(dir, holder)
    }
    await rm(path, { force: true })
    await claim()
  }
  held.add(key)
  return async () => {
    held.delete(key)
    await rm(path, { force: true })
  }
}
