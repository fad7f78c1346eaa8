/**
 * A child process (on the PostgreSQL database `SHOTCHAIN_DATABASE_URL` names, when set) for the compare-and-set test: opens the store in argv[2] and, argv[4] times,
 * reads workflow argv[3] and saves it based on the revision it read, while another process does
 * the same, both starting at time argv[6] (ms since the epoch). Writes the revisions its winning
 * saves were based on to `<home>/<argv[5]>.wins` (JSON). Exits 1 if a refusal names a revision that is not newer than the one it was based on.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { openStore, resolveDatabaseUrl } from '../store.ts'
import { sampleWorkflow } from './sample-workflow.ts'

const [home, id, count, name, startAt] = process.argv.slice(2)
if (home === undefined || id === undefined || count === undefined || name === undefined)
  throw new Error('usage: race-workflow-updates.ts <home> <id> <count> <name> [startAt]')
const store = openStore(home, { databaseUrl: resolveDatabaseUrl() })
// Both processes start saving at the same moment, so their saves overlap rather than take turns.
while (Date.now() < Number(startAt ?? 0)) {}
const wins: number[] = []
for (let i = 0; i < Number(count); i++) {
  const base = store.workflows.get(id)?.revision ?? 0
  const result = store.workflows.update(id, sampleWorkflow(`${name}-${i}`), base, i)
  if (result.ok) wins.push(base)
  else if (result.reason !== 'stale' || result.revision <= base) process.exit(1)
}
writeFileSync(join(home, `${name}.wins`), JSON.stringify(wins))
store.close()
