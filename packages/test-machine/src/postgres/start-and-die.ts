/** A child process for the stale-server test: starts a test server, prints its URL, dies. */
import { startPostgres } from './start-postgres.ts'

const pg = await startPostgres()
process.stdout.write(`${pg.url}\n`, () => process.kill(process.pid, 'SIGKILL'))
