/**
 * A child process for the compare-and-set test: opens the store in argv[2] and, argv[4] times,
 * reads workflow argv[3] and saves it based on the revision it read, while another process does
 * the same. Writes how many of its saves won to `<home>/<argv[5]>.wins`. Exits 1 if a refusal
 * names a revision that is not newer than the one it was based on.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { openStore } from '../store.ts'
import { sampleWorkflow } from './sample-workflow.ts'

const [home, id, count, name] = process.argv.slice(2)
if (home === undefined || id === undefined || count === undefined || name === undefined)
  throw new Error('usage: race-workflow-updates.ts <home> <id> <count> <name>')
const store = openStore(home)
let wins = 0
for (let i = 0; i < Number(count); i++) {
  const base = store.workflows.get(id)?.revision ?? 0
  const result = store.workflows.update(id, sampleWorkflow(`${name}-${i}`), base, i)
  if (result.ok) wins++
  else if (result.reason !== 'stale' || result.revision <= base) process.exit(1)
}
writeFileSync(join(home, `${name}.wins`), String(wins))
store.close()
