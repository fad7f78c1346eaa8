import type { SqliteDatabase } from '../db/sqlite.ts'

/**
 * fal storage URLs of uploaded content by its SHA-256, with when each was stored: the shape the fal
 * gateway takes as its `uploads`. Declared here, not imported, so the store does not depend on the
 * gateway; the composition root hands one to the other and the compiler checks that they match.
 */
export interface UploadCache {
  get(hash: string): { readonly url: string; readonly at: number } | undefined
  set(hash: string, url: string, at: number): void
}

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
