import { randomBytes } from 'node:crypto'
import { hostname } from 'node:os'
import type { RunLease } from '@shotchain/runs'
import type { RunStore } from '@shotchain/store'

/** How long a lease lasts unless renewed; a dead process's runs are taken over after this. */
export const LEASE_MS = 6_000
/** How often a process renews its leases (and looks for runs to take over). */
export const HEARTBEAT_MS = 2_000
/**
 * A lease this close to running out is treated as lost here, so this process stops writing a
 * run before another may take it (the other's clock may run a little ahead).
 */
const MARGIN_MS = 1_000

/** A server process's leases on the runs it executes (see `RunLeases` in @shotchain/store). */
export interface LeaseKeeper extends RunLease {
  /** This process: `host:pid:random`. */
  readonly owner: string
  /**
   * Whether this process took `runId` and must no longer write it: another process took it over,
   * or its lease ran out here without a renewal (this process stalled).
   */
  lost(runId: string): boolean
  /** Renews every lease held; a run whose renewal fails is lost from then on. Returns those. */
  heartbeat(): string[]
  /** Gives every lease back (a stopping process: the others take its runs at once). */
  releaseAll(): void
}

/** Settings of {@link createLeaseKeeper}; the defaults are the server's. */
export interface LeaseOptions {
  readonly leaseMs?: number
  readonly now?: () => number
  readonly owner?: string
}

/** A fresh owner id for this process, e.g. `build-3:4123:9f2c41`. */
export function processOwnerId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`
}

/** Keeps this process's leases in `runs`. It renews them only when `heartbeat` is called. */
export function createLeaseKeeper(runs: RunStore, options: LeaseOptions = {}): LeaseKeeper {
  const leaseMs = options.leaseMs ?? LEASE_MS
  const now = options.now ?? Date.now
  const owner = options.owner ?? processOwnerId()
  const margin = Math.min(MARGIN_MS, leaseMs / 4)
  /** Runs this process holds, and until when it may write them. */
  const held = new Map<string, number>()
  const gone = new Set<string>()
  return {
    owner,
    take(runId) {
      const at = now()
      if (gone.has(runId) || !runs.claim(runId, owner, leaseMs, at)) return false
      held.set(runId, at + leaseMs - margin)
      return true
    },
    drop(runId) {
      if (held.delete(runId)) runs.release(runId, owner)
      gone.delete(runId)
    },
    lost: (runId) => gone.has(runId) || (held.get(runId) ?? Number.POSITIVE_INFINITY) <= now(),
    heartbeat() {
      const lost: string[] = []
      for (const runId of held.keys()) {
        const at = now()
        // A lease that ran out here is not renewed, even if nobody took it: this process's
        // writes stopped meanwhile, so another must resume the run from the log.
        if ((held.get(runId) ?? 0) > at && runs.renew(runId, owner, leaseMs, at)) {
          held.set(runId, at + leaseMs - margin)
          continue
        }
        held.delete(runId)
        gone.add(runId)
        lost.push(runId)
      }
      return lost
    },
    releaseAll() {
      for (const runId of held.keys()) runs.release(runId, owner)
      held.clear()
    },
  }
}
