/**
 * A child process for the transaction test: on the PostgreSQL database argv[2], argv[3] times,
 * reads `counter.value` and writes it back plus one inside one `immediate` transaction, starting
 * at time argv[4] (ms since the epoch) so that it overlaps another process doing the same.
 */
import { openPgDatabase } from './pg-database.ts'

const [url, count, startAt] = process.argv.slice(2)
if (url === undefined || count === undefined)
  throw new Error('usage: count-in-transactions.ts <url> <count> [startAt]')
const db = openPgDatabase(url)
const read = db.prepare<[], { value: number }>('SELECT value FROM counter')
const write = db.prepare<[number]>('UPDATE counter SET value = ?')
while (Date.now() < Number(startAt ?? 0)) {}
for (let i = 0; i < Number(count); i++)
  db.immediate(() => {
    write.run((read.get()?.value ?? 0) + 1)
  })
db.close()
