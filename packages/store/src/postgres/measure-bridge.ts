/**
 * Measures what a store call costs on SQLite and on PostgreSQL through the synchronous bridge:
 * a read by primary key, an autocommitted insert, and a transaction (BEGIN, a read, a write,
 * COMMIT), in µs each. Starts its own PostgreSQL server (`durable`: fsync on, as in production).
 * Run: `npx tsx packages/store/src/postgres/measure-bridge.ts [count]`. Figures: docs/team-server.md.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startPostgres } from '@shotchain/test-machine'
import { openDatabase } from '../db/open-database.ts'
import type { SqliteDatabase } from '../db/sqlite.ts'
import { openPgDatabase } from './pg-database.ts'
import { migratePg } from './pg-migrations.ts'

const count = Number(process.argv[2] ?? 2000)

function perCall(fn: (i: number) => void): number {
  const started = performance.now()
  for (let i = 0; i < count; i++) fn(i)
  return Math.round(((performance.now() - started) * 1000) / count)
}

function measure(name: string, db: SqliteDatabase) {
  const insert = db.prepare('INSERT INTO uploads (hash, url, at) VALUES (?, ?, ?)')
  const select = db.prepare('SELECT url, at FROM uploads WHERE hash = ?')
  const update = db.prepare('UPDATE uploads SET at = ? WHERE hash = ?')
  const write = perCall((i) => insert.run(`h${i}`, 'https://fal.example/x', i))
  const read = perCall((i) => select.get(`h${i}`))
  const transaction = perCall((i) =>
    db.immediate(() => {
      select.get(`h${i}`)
      update.run(i + 1, `h${i}`)
    }),
  )
  process.stdout.write(
    `${name}: read ${read} µs, write ${write} µs, transaction ${transaction} µs\n`,
  )
}

const home = mkdtempSync(join(tmpdir(), 'shotchain-measure-'))
const server = await startPostgres({ durable: true })
try {
  for (const durability of ['FULL', 'NORMAL'] as const) {
    // Only the FULL connection migrates a file.
    openDatabase(join(home, `${durability}.db`)).close()
    const sqlite = openDatabase(join(home, `${durability}.db`), durability)
    measure(`sqlite (synchronous = ${durability})`, sqlite)
    sqlite.close()
  }
  const pg = openPgDatabase(server.url)
  migratePg(pg.bridge)
  measure('postgres (fsync on, loopback)', pg)
  pg.close()
} finally {
  await server.stop()
  rmSync(home, { recursive: true, force: true })
}
