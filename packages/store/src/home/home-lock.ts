import { randomUUID } from 'node:crypto'
import * as fs from 'node:fs'
import { join } from 'node:path'
import { storeError } from '../db/store-error.ts'
import { isProcessAlive, processStartTime } from './process-owner.ts'

/** The lock file a server keeps in its state folder while it runs. */
export const SERVER_LOCK_FILE = 'server.lock'

/** What a lock file says of its holder. */
export interface LockHolder {
  readonly pid: number
  /** The holder's start time (see `processStartTime`), so a reused pid is not taken for it. */
  readonly startTime?: string
  /** For the message a second server prints, e.g. its URL. */
  readonly what: string
}

/** A held lock on a state folder. */
export interface HomeLock {
  readonly path: string
  /** Says who holds it once known (e.g. the URL, after listening). */
  describe(what: string): void
  /** Removes the lock file if it is still this one's. Safe to call twice. */
  release(): void
}

/**
 * Takes the server lock of the state folder `home` (`server.lock`): one server per home, so two
 * never resume — and pay for — the same runs. A lock whose holder is gone (killed, even by
 * SIGKILL: its pid no longer runs, or now names a process started later) is stale and taken
 * over. Throws a `validation` error naming the holder when a live process holds it. Only
 * servers take it: the CLI shares the home with a running server.
 * @example
 * const lock = lockHome(store.home, 'starting')
 * try { … } finally { lock.release() }
 */
export function lockHome(home: string, what: string): HomeLock {
  const path = join(home, SERVER_LOCK_FILE)
  const nonce = randomUUID()
  const write = (holderWhat: string, flag: 'wx' | 'w') => {
    const holder = { pid: process.pid, startTime: processStartTime(process.pid), what: holderWhat }
    const temp = `${path}.${nonce}`
    fs.writeFileSync(temp, JSON.stringify({ ...holder, nonce }))
    try {
      // link, unlike rename, fails when the lock exists: two starters cannot both win.
      if (flag === 'wx') fs.linkSync(temp, path)
      else fs.renameSync(temp, path)
    } finally {
      fs.rmSync(temp, { force: true })
    }
  }
  for (let attempt = 0; ; attempt++) {
    try {
      write(what, 'wx')
      break
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 2) throw error
    }
    const holder = readHolder(path)
    if (holder !== undefined && isHeld(holder)) {
      throw storeError(
        'validation',
        `another Shotchain server (pid ${holder.pid}, ${holder.what}) is using the state folder ${home}: stop it first, or give this one its own SHOTCHAIN_HOME`,
        { field: 'SHOTCHAIN_HOME' },
      )
    }
    fs.rmSync(path, { force: true })
  }
  const isOurs = () => readHolder(path)?.nonce === nonce
  return {
    path,
    describe(next) {
      if (isOurs()) write(next, 'w')
    },
    release() {
      if (isOurs()) fs.rmSync(path, { force: true })
    },
  }
}

/** Whether the process a lock file names still runs (and is the one that wrote it). */
function isHeld(holder: LockHolder): boolean {
  if (!isProcessAlive(holder.pid)) return false
  const now = processStartTime(holder.pid)
  return holder.startTime === undefined || now === undefined || now === holder.startTime
}

function readHolder(path: string): (LockHolder & { readonly nonce?: string }) | undefined {
  try {
    const raw = JSON.parse(fs.readFileSync(path, 'utf8')) as Partial<LockHolder & { nonce: string }>
    if (typeof raw.pid !== 'number') return undefined
    return {
      pid: raw.pid,
      what: typeof raw.what === 'string' ? raw.what : 'a server',
      ...(typeof raw.startTime === 'string' ? { startTime: raw.startTime } : {}),
      ...(typeof raw.nonce === 'string' ? { nonce: raw.nonce } : {}),
    }
  } catch {
    // Missing, or not ours to read: a lock nobody can name is stale.
    return undefined
  }
}
