import { ERROR_CODES, ShotchainError } from '@shotchain/errors'
import type { Store } from '@shotchain/store'

/** The store as the run manager sees it, and the switch that detaches its runs. */
export interface DetachableStore {
  /** Hand this to the run manager; the API keeps using the real store. */
  readonly store: Store
  /**
   * From now on the runs executing in this process leave the store as a killed process would:
   * no new paid submit is begun (the journal refuses it, so nothing is sent), and no event, node
   * state or outcome is recorded — each run stays `running`, to resume on the next start.
   * Results already paid for that arrive meanwhile are still cached and their journal entries
   * settled.
   */
  detach(): void
  readonly detached: boolean
}

/** Whether this process must leave a run alone (another process took its lease). */
export type IsRunLost = (runId: string) => boolean

/**
 * Wraps `store` so a stopping server can let go of its runs without cancelling them: fal jobs in
 * flight are not cancelled (the journal keeps their request ids), and the next server resumes
 * each run where the store says it was. See {@link DetachableStore.detach}. A run `isLost` says
 * is another process's is detached on its own, the same way, whatever `detach` says.
 */
export function createDetachableStore(
  store: Store,
  isLost: IsRunLost = () => false,
): DetachableStore {
  let detached = false
  const { journal, events, nodeRuns, runs } = store
  const off = (runId: string) => detached || isLost(runId)
  const view: Store = {
    ...store,
    journal: {
      ...journal,
      begin(key, info) {
        if (off(info.runId)) {
          throw new ShotchainError(
            ERROR_CODES.cancelled,
            detached
              ? 'the server is stopping: this shot is submitted when the run resumes'
              : 'another server process took this run over: it submits this shot',
            { nodeId: info.nodeId },
          )
        }
        return journal.begin(key, info)
      },
    },
    events: {
      ...events,
      append(runId, seq, event) {
        if (!off(runId)) events.append(runId, seq, event)
      },
    },
    nodeRuns: {
      ...nodeRuns,
      set(runId, nodeId, state) {
        if (!off(runId)) nodeRuns.set(runId, nodeId, state)
      },
    },
    runs: {
      ...runs,
      finish(...args) {
        if (!off(args[0])) runs.finish(...args)
      },
    },
  }
  return {
    store: view,
    detach() {
      detached = true
    },
    get detached() {
      return detached
    },
  }
}

/**
 * Waits, at most `graceMs`, until no run still executing here has a paid submit on the wire
 * (a journal entry `submitting`): its answer is then recorded, so the resumed run re-attaches to
 * the job instead of asking a person whether to pay again. Resolves early when none is left.
 */
export async function settleSubmits(
  store: Store,
  isActive: (runId: string) => boolean,
  graceMs: number,
): Promise<void> {
  const until = Date.now() + graceMs
  const pending = () =>
    store.journal.list().some((entry) => entry.state === 'submitting' && isActive(entry.runId))
  while (pending() && Date.now() < until) await new Promise((ok) => setTimeout(ok, 50))
}
