import { join } from 'node:path'
import { describe, expect, it, onTestFinished } from 'vitest'
import { makeTempHome } from '../testing/temp-home.ts'
import { type Durability, openDatabase } from './open-database.ts'

function open(path: string, durability: Durability) {
  const db = openDatabase(path, durability)
  onTestFinished(() => db.close())
  return db
}

describe('openDatabase', () => {
  it('sets each connection up as the store promises: WAL, its durability, a busy wait, foreign keys', () => {
    const path = join(makeTempHome(), 'shotchain.db')
    const full = open(path, 'FULL')
    const normal = open(path, 'NORMAL')
    for (const db of [full, normal]) {
      expect(db.pragma('journal_mode')).toBe('wal')
      expect(db.pragma('busy_timeout')).toBe(5_000)
      expect(db.pragma('foreign_keys')).toBe(1)
    }
    // SQLite numbers them: 1 NORMAL, 2 FULL.
    expect(full.pragma('synchronous')).toBe(2)
    expect(normal.pragma('synchronous')).toBe(1)
  })
})
