import { type SpendLedger, type SpendRecord, sumUsd } from '@shotchain/engine'
import type { SqliteDatabase } from '../db/sqlite.ts'

interface SpendRow {
  readonly run_id: string
  readonly node_id: string
  readonly cache_key: string
  readonly request_id: string | null
  readonly usd: number
  readonly at: number
}

function toRecord(row: SpendRow): SpendRecord {
  const record = {
    runId: row.run_id,
    nodeId: row.node_id,
    cacheKey: row.cache_key,
    usd: row.usd,
    at: row.at,
  }
  return row.request_id === null ? record : { ...record, requestId: row.request_id }
}

/**
 * A {@link SpendLedger} in the `spends` table. Each record is one autocommitted insert on the
 * `synchronous = FULL` connection, on disk before it returns, like the journal's writes.
 */
export function createSqliteLedger(db: SqliteDatabase): SpendLedger {
  const insert = db.prepare<[string, string, string, string | null, number, number]>(
    'INSERT INTO spends VALUES (?, ?, ?, ?, ?, ?)',
  )
  const ofRun = db.prepare<[string], SpendRow>(
    'SELECT * FROM spends WHERE run_id = ? ORDER BY rowid',
  )
  const ofRequest = db.prepare<[string], SpendRow>(
    'SELECT * FROM spends WHERE request_id = ? ORDER BY rowid',
  )
  return {
    record: (r) => {
      insert.run(r.runId, r.nodeId, r.cacheKey, r.requestId ?? null, r.usd, r.at)
    },
    // Summed here, to the micro-dollar, rather than by SQL's float SUM.
    spentBy: (runId) => sumUsd(ofRun.all(runId).map((row) => row.usd)),
    list: (runId) => ofRun.all(runId).map(toRecord),
    ofRequest: (requestId) => ofRequest.all(requestId).map(toRecord),
  }
}
