import { startPostgres, type TestPostgres } from '@shotchain/test-machine'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openSyncBridge } from './sync-bridge.ts'

let postgres: TestPostgres | undefined
beforeAll(async () => {
  postgres = await startPostgres()
}, 60_000)
afterAll(() => postgres?.stop())

describe('openSyncBridge', () => {
  it('answers synchronously, and never hands a late answer to the next call', () => {
    const bridge = openSyncBridge(postgres?.url ?? '', { answerTimeoutMs: 2_000 })
    try {
      expect(bridge.query('SELECT $1::int AS n', [7]).rows).toEqual([{ n: 7 }])
      expect(() => bridge.query('SELECT pg_sleep(2.5), 1 AS late')).toThrow(/no answer in 2 s/)
      // This call waits behind the sleep on the connection: the sleep's answer comes first and
      // is dropped; this one's is taken.
      expect(bridge.query('SELECT 2 AS next').rows).toEqual([{ next: 2 }])
    } finally {
      bridge.close()
    }
  })
})
