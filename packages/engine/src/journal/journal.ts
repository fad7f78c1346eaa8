interface JournalEntryBase {
  /** The cache key of the work the request does. */
  readonly key: string
  readonly nodeId: string
  readonly runId: string
  /** When the entry last changed, in the injected clock's milliseconds. */
  readonly at: number
}

/**
 * A paid request's progress. `submitting`: the submit may have left but its request id is not
 * known, so nobody may resubmit without a person's say. `submitted`: its id is known; attach to it.
 */
export type JournalEntry =
  | (JournalEntryBase & { readonly state: 'submitting' })
  | (JournalEntryBase & { readonly state: 'submitted'; readonly requestId: string })

/**
 * The record of external paid requests that outlives a crash. The engine writes it around every
 * `ctx.submit`; a resumed run reads it to re-attach instead of paying again. Writes must be durable
 * before they return (a SQLite implementation commits each one).
 */
export interface Journal {
  get(key: string): JournalEntry | undefined
  /**
   * Claims `key`: records that a submit for it is about to be sent. Atomic: answers false, and
   * changes nothing, when an entry for `key` exists (another run submitted or is submitting it).
   */
  begin(
    key: string,
    info: { readonly nodeId: string; readonly runId: string; readonly at: number },
  ): boolean
  /** Records the request id the submit returned. Throws when `key` was never begun (a bug). */
  record(key: string, requestId: string, at: number): void
  /** Forgets `key`: its result is cached, or the submit surely never reached the provider. */
  clear(key: string): void
  /**
   * Forgets `key` only while it holds the submitted request `requestId` (a request the provider
   * reported dead); answers whether it did. Atomic: another run's newer claim or request for the
   * same key is never dropped.
   */
  clearIf(key: string, requestId: string): boolean
  list(): readonly JournalEntry[]
}

/** A journal in a Map: for tests and one-off runs (it does not survive a crash). */
export function createMemoryJournal(): Journal {
  const entries = new Map<string, JournalEntry>()
  return {
    get: (key) => entries.get(key),
    begin(key, info) {
      if (entries.has(key)) return false
      entries.set(key, { key, state: 'submitting', ...info })
      return true
    },
    record(key, requestId, at) {
      const entry = entries.get(key)
      if (entry === undefined) throw new Error(`journal: record for "${key}" that was never begun`)
      entries.set(key, { ...entry, state: 'submitted', requestId, at })
    },
    clear(key) {
      entries.delete(key)
    },
    clearIf(key, requestId) {
      const entry = entries.get(key)
      if (entry?.state !== 'submitted' || entry.requestId !== requestId) return false
      return entries.delete(key)
    },
    list: () => [...entries.values()],
  }
}
