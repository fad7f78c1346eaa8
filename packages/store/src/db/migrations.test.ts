import { join } from 'node:path'
import { describe, expect, it, onTestFinished } from 'vitest'
import { sampleWorkflow } from '../testing/sample-workflow.ts'
import { makeTempHome, openTestStore } from '../testing/temp-home.ts'
import { MIGRATIONS, type Migration, migrate } from './migrations.ts'
import { openSqlite, type SqliteDatabase } from './sqlite.ts'

function openFile(path: string): SqliteDatabase {
  const db = openSqlite(path, { busyTimeoutMs: 0 })
  onTestFinished(() => {
    db.close()
  })
  return db
}

const version = (db: SqliteDatabase) => db.pragma('user_version')

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

  it('adds the workflow and run tables to a file from before them, keeping its rows', () => {
    const home = makeTempHome()
    const path = join(home, 'shotchain.db')
    const old = openSqlite(path, { busyTimeoutMs: 0 })
    migrate(old, MIGRATIONS.slice(0, 1))
    old
      .prepare('INSERT INTO cache_entries VALUES (?, ?, ?, ?)')
      .run('k', 'prompt', '{"text":"a cat"}', 1)
    old
      .prepare("INSERT INTO journal_entries VALUES (?, 'submitted', ?, ?, ?, ?)")
      .run('j', 'shot1', 'r0', 'req-0', 2)
    old.close()

    const store = openTestStore(home)
    expect(version(openFile(path))).toBe(MIGRATIONS.length)
    expect(store.cache.get('k')).toEqual({
      outputs: { text: 'a cat' },
      nodeType: 'prompt',
      createdAt: 1,
    })
    expect(store.journal.get('j')).toMatchObject({ state: 'submitted', requestId: 'req-0' })
    store.workflows.create('w1', sampleWorkflow(), 3)
    store.runs.create({
      id: 'r1',
      workflowId: 'w1',
      doc: sampleWorkflow(),
      targets: undefined,
      estimateUsd: 0,
      createdAt: 4,
    })
    store.events.append('r1', 1, { type: 'run-started' })
    expect(store.events.lastSeq('r1')).toBe(1)
  })

  it('refuses a file written by a newer Shotchain', () => {
    const db = openFile(join(makeTempHome(), 'm.db'))
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`)
    expect(() => migrate(db)).toThrow(/newer/)
  })
})
