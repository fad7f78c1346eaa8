import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it, onTestFinished } from 'vitest'
import { makeTempHome, openTestStore } from '../testing/temp-home.ts'
import { MIGRATIONS, type Migration, migrate } from './migrations.ts'

function openFile(path: string): Database.Database {
  const db = new Database(path)
  onTestFinished(() => {
    db.close()
  })
  return db
}

const version = (db: Database.Database) => db.pragma('user_version', { simple: true })

describe('migrate', () => {
  it('records the schema version when a store is first opened', () => {
    const store = openTestStore()
    store.close()
    expect(version(openFile(join(store.home, 'shotchain.db')))).toBe(MIGRATIONS.length)
  })

  it('runs each step once, and only the steps a file has not run', () => {
    const db = openFile(join(makeTempHome(), 'm.db'))
    const steps: Migration[] = [
      { name: 'a', sql: 'CREATE TABLE a (x INTEGER)' },
      { name: 'b', sql: 'CREATE TABLE b (x INTEGER)' },
    ]
    expect(migrate(db, steps.slice(0, 1))).toBe(1)
    db.exec('INSERT INTO a VALUES (1)')
    // Running step a again would fail: its table exists.
    expect(migrate(db, steps)).toBe(2)
    expect(migrate(db, steps)).toBe(2)
    expect(version(db)).toBe(2)
    expect(db.prepare('SELECT x FROM a').all()).toEqual([{ x: 1 }])
  })

  it('leaves the file untouched when a step fails', () => {
    const db = openFile(join(makeTempHome(), 'm.db'))
    const steps: Migration[] = [
      { name: 'a', sql: 'CREATE TABLE a (x INTEGER)' },
      { name: 'broken', sql: 'CREATE TABLE b (x INTEGER); NOT SQL' },
    ]
    expect(() => migrate(db, steps)).toThrow()
    expect(version(db)).toBe(0)
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all()).toEqual([])
  })

  it('refuses a file written by a newer Shotchain', () => {
    const db = openFile(join(makeTempHome(), 'm.db'))
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`)
    expect(() => migrate(db)).toThrow(/newer/)
  })
})
