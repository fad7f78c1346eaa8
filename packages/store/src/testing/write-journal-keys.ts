/**
 * A child process (on the PostgreSQL database `SHOTCHAIN_DATABASE_URL` names, when set) for the sharing test: opens the store in argv[2] and begins argv[4] journal
 * keys named `<argv[3]>-<i>`, one commit each, while another process does the same.
 */
import { openStore, resolveDatabaseUrl } from '../store.ts'

const [home, prefix, count] = process.argv.slice(2)
if (home === undefined || prefix === undefined || count === undefined)
  throw new Error('usage: write-journal-keys.ts <home> <prefix> <count>')
const store = openStore(home, { databaseUrl: resolveDatabaseUrl() })
for (let i = 0; i < Number(count); i++)
  store.journal.begin(`${prefix}-${i}`, { nodeId: prefix, runId: 'r', at: i })
store.close()
