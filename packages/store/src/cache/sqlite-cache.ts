import type { CacheEntry, CacheStore } from '@shotchain/engine'
import type { SqliteDatabase } from '../db/sqlite.ts'
import { findMediaHashes } from './media-references.ts'

interface CacheRow {
  readonly node_type: string
  readonly outputs: string
  readonly created_at: number
}

/**
 * A {@link CacheStore} in the `cache_entries` table. Outputs are stored as JSON, so they must be
 * plain data. `get` answers `undefined` when any media its outputs reference is no longer in the
 * media folder (`hasMedia` false), so the node runs again rather than handing out a dangling file.
 */
export function createSqliteCache(
  db: SqliteDatabase,
  hasMedia: (hash: string) => boolean,
): CacheStore {
  const select = db.prepare<[string], CacheRow>(
    'SELECT node_type, outputs, created_at FROM cache_entries WHERE cache_key = ?',
  )
  const upsert = db.prepare<[string, string, string, number]>(
    `INSERT INTO cache_entries (cache_key, node_type, outputs, created_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (cache_key) DO UPDATE SET
       node_type = excluded.node_type, outputs = excluded.outputs, created_at = excluded.created_at`,
  )
  return {
    get(key) {
      const row = select.get(key)
      if (row === undefined) return undefined
      const outputs = JSON.parse(row.outputs) as CacheEntry['outputs']
      for (const hash of findMediaHashes(outputs)) if (!hasMedia(hash)) return undefined
      return { outputs, nodeType: row.node_type, createdAt: row.created_at }
    },
    set(key, entry) {
      upsert.run(key, entry.nodeType, JSON.stringify(entry.outputs), entry.createdAt)
    },
  }
}
