/**
 * One paid submit: recorded the moment it is made, before the engine waits on it, and never
 * removed. A run's spend is the sum of its records, across its executions and restarts.
 * @public
 */
export interface SpendRecord {
  readonly runId: string
  readonly nodeId: string
  /** The cache key of the work the submit pays for. */
  readonly cacheKey: string
  /**
   * The provider's request id; undefined when the submit may have reached the provider but its
   * answer was lost (counted: it may be billed).
   */
  readonly requestId?: string
  /** The node's price for the submit, in USD. */
  readonly usd: number
  /** In the injected clock's milliseconds. */
  readonly at: number
}

/**
 * The durable record of money committed to the provider. Writes must be durable before they
 * return (a SQLite implementation commits each one), like the journal's.
 * @public
 */
export interface SpendLedger {
  record(entry: SpendRecord): void
  /** What `runId` has committed so far, in USD (0 when nothing). */
  spentBy(runId: string): number
  /** The records of `runId` in the order they were made. */
  list(runId: string): readonly SpendRecord[]
  /** The records of the submit that produced `requestId`, whichever run made it. */
  ofRequest(requestId: string): readonly SpendRecord[]
}

/** Sums USD amounts without the float drift of a long run (to the micro-dollar). */
export function sumUsd(amounts: Iterable<number>): number {
  let micros = 0
  for (const usd of amounts) micros += Math.round(usd * 1e6)
  return micros / 1e6
}

/**
 * A ledger in memory: for tests and one-off runs (it does not survive a crash).
 * @public
 */
export function createMemoryLedger(): SpendLedger {
  const records: SpendRecord[] = []
  const ofRun = (runId: string) => records.filter((r) => r.runId === runId)
  return {
    record: (entry) => {
      records.push({ ...entry })
    },
    spentBy: (runId) => sumUsd(ofRun(runId).map((r) => r.usd)),
    list: ofRun,
    ofRequest: (requestId) => records.filter((r) => r.requestId === requestId),
  }
}
