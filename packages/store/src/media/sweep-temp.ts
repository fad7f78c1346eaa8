import * as fs from 'node:fs'
import { join } from 'node:path'
import { isProcessAlive } from '../home/process-owner.ts'

/**
 * A temporary file untouched this long has leaked, whoever owns it: no media operation holds one
 * for a day without writing it (and the pid in its name may have been reused since its owner died).
 */
export const TEMP_MAX_AGE_MS = 24 * 60 * 60 * 1000

/** The pid a temporary file's name starts with (`<pid>-<uuid>…`, or `.<pid>-…` for a partial). */
export function tempFileOwner(name: string): number | undefined {
  const match = /^\.?(\d{1,10})-/.exec(name)
  return match ? Number(match[1]) : undefined
}

/** Settings of {@link sweepTempFolder}; the defaults are the machine's. */
export interface SweepTempOptions {
  readonly now?: number
  readonly isAlive?: (pid: number) => boolean
}

/**
 * Removes what killed processes left in a media folder's `tmp`: files (and folders) whose name
 * says they belong to a process that no longer runs, and anything untouched for
 * {@link TEMP_MAX_AGE_MS} (a day). A file of a live process — this one, or the CLI and a server
 * sharing the state folder — is left alone while it is younger than that. Returns how many entries went; an
 * entry that cannot be read or removed is left for the next sweep.
 */
export function sweepTempFolder(tmp: string, options: SweepTempOptions = {}): number {
  const now = options.now ?? Date.now()
  const isAlive = options.isAlive ?? isProcessAlive
  let names: string[]
  try {
    names = fs.readdirSync(tmp)
  } catch {
    return 0
  }
  let removed = 0
  for (const name of names) {
    const path = join(tmp, name)
    const owner = tempFileOwner(name)
    try {
      const dead = owner !== undefined && owner !== process.pid && !isAlive(owner)
      const leaked = dead || now - fs.lstatSync(path).mtimeMs > TEMP_MAX_AGE_MS
      if (!leaked) continue
      fs.rmSync(path, { recursive: true, force: true })
      removed++
    } catch {
      // Gone meanwhile, or not ours to remove: the next sweep looks again.
    }
  }
  return removed
}
