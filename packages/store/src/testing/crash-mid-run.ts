/**
 * A child process (on the PostgreSQL database `SHOTCHAIN_DATABASE_URL` names, when set) for the resume test: opens the store in argv[2], starts run `r1`, records
 * a node and two events, then SIGKILLs itself — no finish, no close, as a crash would.
 */
import { openStore, resolveDatabaseUrl } from '../store.ts'
import { sampleWorkflow } from './sample-workflow.ts'

const home = process.argv[2]
if (home === undefined) throw new Error('usage: crash-mid-run.ts <home>')
const store = openStore(home, { databaseUrl: resolveDatabaseUrl() })
store.runs.create({
  id: 'r1',
  workflowId: 'w1',
  doc: sampleWorkflow(),
  targets: undefined,
  estimateUsd: 0.5,
  createdAt: 1,
})
store.nodeRuns.set('r1', 'shot1', { status: 'submitted', requestId: 'req-1', at: 2 })
store.events.append('r1', 1, { type: 'run-started' })
store.events.append('r1', 2, { type: 'node-submitted', nodeId: 'shot1' })
process.kill(process.pid, 'SIGKILL')
