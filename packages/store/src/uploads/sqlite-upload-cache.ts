import type { UploadCache } from '@shotchain/fal'
import type { SqliteDatabase } from '../db/sqlite.ts'

/** An {@link UploadCache} in the `uploads` table: fal storage URLs by content SHA-256. */
export function createSqliteUploadCache(db: SqliteDatabase): UploadCache {
  const select = db.prepare<[string], { url: string; at: number }>(
    'SELECT url, at FROM uploads WHERE hash = ?',
  )
  const upsert = db.prepare<[string, string, number]>(
    `INSERT INTO uploads (hash, url, at) VALUES (?, ?, ?)
     ON CONFLICT (hash) DO UPDATE SET url = excluded.url, at = excluded.at`,
  )
  return {
    get: (hash) => select.get(hash),
    set(hash, url, at) {
      upsert.run(hash, url, at)
    },
  }
}
