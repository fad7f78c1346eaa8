/**
 * Says when a run may have new events in its log, so a follower (an SSE stream) reads the log
 * again: followers always read events from the store, so a run executed by another process, or
 * taken over midway, streams every event in order. The SQLite feed polls; a PostgreSQL one can
 * LISTEN for the NOTIFY its appends send.
 * @public
 */
export interface EventFeed {
  /**
   * Calls `wake` whenever `runId` may have new events (sometimes when it has none). Returns the
   * function that stops it.
   */
  watch(runId: string, wake: () => void): () => void
  /** This process appended events of `runId`: its watchers wake now. */
  notify(runId: string): void
  /** Stops every timer and connection of the feed. Safe to call twice. */
  close(): void
}

/** Settings of {@link createPollingFeed}. */
export interface PollingFeedOptions {
  /**
   * Whether this process executes `runId` (its appends call `notify`): its watchers are not
   * polled. Another process's runs are.
   */
  readonly isLocal: (runId: string) => boolean
  /** How often watchers of other processes' runs wake; default 250 ms. */
  readonly pollMs?: number
}

/**
 * An {@link EventFeed} for processes that share a SQLite file: local appends wake watchers at
 * once; watchers of runs executed elsewhere wake every `pollMs`. One timer, running only while
 * someone watches.
 * @public
 */
export function createPollingFeed(options: PollingFeedOptions): EventFeed {
  const pollMs = options.pollMs ?? 250
  const byRun = new Map<string, Set<() => void>>()
  let timer: NodeJS.Timeout | undefined
  const wakeAll = (runId: string) => {
    for (const wake of byRun.get(runId) ?? []) wake()
  }
  const tick = () => {
    for (const runId of byRun.keys()) if (!options.isLocal(runId)) wakeAll(runId)
  }
  return {
    watch(runId, wake) {
      let set = byRun.get(runId)
      if (set === undefined) {
        set = new Set()
        byRun.set(runId, set)
      }
      set.add(wake)
      timer ??= setInterval(tick, pollMs).unref()
      return () => {
        const current = byRun.get(runId)
        current?.delete(wake)
        if (current?.size === 0) byRun.delete(runId)
        if (byRun.size === 0 && timer !== undefined) {
          clearInterval(timer)
          timer = undefined
        }
      }
    },
    notify: wakeAll,
    close() {
      byRun.clear()
      if (timer !== undefined) clearInterval(timer)
      timer = undefined
    },
  }
}
