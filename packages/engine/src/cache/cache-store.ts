import type { NodeOutputs } from '@shotchain/graph'

/** A stored node result. */
export interface CacheEntry {
  readonly outputs: NodeOutputs
  /** The node type that produced it, for listings and clean-up. */
  readonly nodeType: string
  /** When it was stored, in the injected clock's milliseconds. */
  readonly createdAt: number
}

/**
 * Results by cache key. Synchronous on purpose: the in-memory store and SQLite (libsql)
 * both answer at once, and planning 10,000 nodes must not pay an await per look-up.
 * An implementation may answer `undefined` for an entry whose media is gone, so the node runs again.
 */
export interface CacheStore {
  get(key: string): CacheEntry | undefined
  /** Stores (or replaces) the result for a key. */
  set(key: string, entry: CacheEntry): void
}

/** A cache in a Map: for tests, the browser and one-off runs. */
export function createMemoryCache(): CacheStore & { readonly size: number } {
  const entries = new Map<string, CacheEntry>()
  return {
    get: (key) => entries.get(key),
    set: (key, entry) => {
      entries.set(key, entry)
    },
    get size() {
      return entries.size
    },
  }
}
