/**
 * A child process (on the PostgreSQL database `SHOTCHAIN_DATABASE_URL` names, when set) for the crash test: opens the store in argv[2], begins `crash-a`, begins and
 * records `crash-b`, then SIGKILLs itself — no close, no exit handlers, as a crash would.
 */
import { openStore, resolveDatabaseUrl } from '../store.ts'

const home = process.argv[2]
if (home === undefined) throw new Error('usage: crash-after-record.ts <home>')
const store = openStore(home, { databaseUrl: resolveDatabaseUrl() })
store.journal.begin('crash-a', { nodeId: 'shot1', runId: 'r1', at: 1 })
store.journal.begin('crash-b', { nodeId: 'shot2', runId: 'r1', at: 2 })
store.journal.record('crash-b', 'req-crash', 3)
process.kill(process.pid, 'SIGKILL')
