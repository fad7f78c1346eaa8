import type { SqliteDatabase } from '../db/sqlite.ts'

/**
 * Which server process executes a running run: a lease it takes, renews every few seconds and
 * gives back. Several processes on one database execute each run exactly once: only the holder of
 * its lease does, and a run whose lease ran out (its process died) is taken by another. Each
 * method is one atomic statement on the run's row; `now` and `leaseMs` are milliseconds.
 * @public
 */
export interface RunLeases {
  /**
   * Takes the lease of a `running` run that nobody holds, whose lease ran out (`until <= now`), or
   * that `owner` holds already; it then runs until `now + leaseMs`. False when another owner's lease
   * is live, the run is finished, or unknown.
   */
  claim(runId: string, owner: string, leaseMs: number, now: number): boolean
  /**
   * Extends `owner`'s lease to `now + leaseMs`. False when the run is no longer `owner`'s (another
   * took it over), finished or unknown: the caller must stop executing it.
   */
  renew(runId: string, owner: string, leaseMs: number, now: number): boolean
  /** Gives the lease back, if `owner` holds it (else does nothing). */
  release(runId: string, owner: string): void
  /**
   * Asks whichever process executes a `running` run to cancel it (a person pressed Cancel on
   * another process). False when the run is finished or unknown.
   */
  requestCancel(runId: string): boolean
  /** The runs `owner` holds whose cancel was asked for, to cancel them. */
  cancelRequests(owner: string): string[]
}

/** The writes of {@link RunLeases} on the `runs` table's `lease_owner` and `lease_until`. */
export function createSqliteRunLeases(db: SqliteDatabase): RunLeases {
  const claim = db.prepare<[string, number, string, number, string]>(
    `UPDATE runs SET lease_owner = ?, lease_until = ?
     WHERE id = ? AND status = 'running'
       AND (lease_owner IS NULL OR lease_until <= ? OR lease_owner = ?)`,
  )
  const renew = db.prepare<[number, string, string]>(
    `UPDATE runs SET lease_until = ? WHERE id = ? AND lease_owner = ? AND status = 'running'`,
  )
  const release = db.prepare<[string, string]>(
    'UPDATE runs SET lease_owner = NULL, lease_until = NULL WHERE id = ? AND lease_owner = ?',
  )
  const requestCancel = db.prepare<[string]>(
    `UPDATE runs SET cancel_requested = 1 WHERE id = ? AND status = 'running'`,
  )
  const cancelRequests = db.prepare<[string], { id: string }>(
    `SELECT id FROM runs WHERE lease_owner = ? AND cancel_requested = 1 AND status = 'running'`,
  )
  return {
    requestCancel: (runId) => requestCancel.run(runId).changes === 1,
    cancelRequests: (owner) => cancelRequests.all(owner).map((row) => row.id),
    claim: (runId, owner, leaseMs, now) =>
      claim.run(owner, now + leaseMs, runId, now, owner).changes === 1,
    renew: (runId, owner, leaseMs, now) => renew.run(now + leaseMs, runId, owner).changes === 1,
    release(runId, owner) {
      release.run(runId, owner)
    },
  }
}
