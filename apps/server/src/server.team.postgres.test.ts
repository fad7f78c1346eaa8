import { startPostgres, type TestPostgres } from '@shotchain/test-machine'
import { afterAll, beforeAll } from 'vitest'
import { describeTeamKill } from './testing/team-kill.ts'

// The processes share one PostgreSQL database (a fresh one per test) and the harness's media.
let postgres: TestPostgres | undefined
let databases = 0
beforeAll(async () => {
  postgres = await startPostgres()
}, 60_000)
afterAll(() => postgres?.stop())

describeTeamKill('PostgreSQL', async () => {
  if (postgres === undefined) throw new Error('postgres is not started')
  return { SHOTCHAIN_DATABASE_URL: postgres.createDatabase(`team_${++databases}`) }
})
