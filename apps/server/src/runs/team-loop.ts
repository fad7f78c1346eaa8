import type { LeaseKeeper } from './lease-keeper.ts'
import type { RunManager } from './run-manager.ts'

/** The heartbeat of a server process; see {@link startTeamLoop}. */
export interface TeamLoop {
  /** Takes no more runs over; leases are still renewed (the runs executing here settle). */
  stopTaking(): void
  /** Stops renewing too. */
  stop(): void
}

/**
 * Every `intervalMs`: renews this process's leases (a run whose renewal fails is left to the
 * process that took it), cancels the runs a person cancelled through another process, then takes
 * over the runs no live process holds.
 */
export function startTeamLoop(
  leases: LeaseKeeper,
  runs: RunManager,
  intervalMs: number,
  log: (line: string) => void,
): TeamLoop {
  let taking = true
  const timer = setInterval(() => {
    try {
      for (const runId of leases.heartbeat())
        log(`run ${runId}: lease lost (another process took it, or it ran out here)`)
      runs.cancelRequested()
    } catch (error) {
      log(`renewing run leases failed: ${String(error)}`)
    }
    if (!taking) return
    runs.resumeUnfinished().then(
      (taken) => {
        if (taken > 0) log(`took over ${taken} run${taken === 1 ? '' : 's'}`)
      },
      (error: unknown) => log(`taking over runs failed: ${String(error)}`),
    )
  }, intervalMs)
  timer.unref()
  return {
    stopTaking() {
      taking = false
    },
    stop() {
      taking = false
      clearInterval(timer)
    },
  }
}
