import { join } from 'node:path'
import { describe, expect, it, onTestFinished } from 'vitest'
import { makeTempHome } from '../testing/temp-home.ts'
import { openSqlite, type SqliteDatabase } from './sqlite.ts'
import { isConstraintError } from './sqlite-constraint.ts'

function openTemp(): SqliteDatabase {
  const db = openSqlite(join(makeTempHome(), 't.db'), { busyTimeoutMs: 0 })
  onTestFinished(() => db.close())
  db.exec('CREATE TABLE t (id TEXT PRIMARY KEY, n INTEGER, b BLOB)')
  return db
}

// The binding's own answers differ from better-sqlite3's; each test pins one difference.
describe('openSqlite', () => {
  it('answers rows with their columns only (the binding adds _metadata)', () => {
    const db = openTemp()
    db.prepare('INSERT INTO t VALUES (?, ?, ?)').run('a', 1, null)
    const select = db.prepare<[string], { id: string; n: number; b: null }>(
      'SELECT * FROM t WHERE id = ?',
    )
    expect(Object.keys(select.get('a') ?? {})).toEqual(['id', 'n', 'b'])
    expect(db.prepare('SELECT * FROM t').all()).toEqual([{ id: 'a', n: 1, b: null }])
    expect(JSON.stringify(select.get('a'))).toBe('{"id":"a","n":1,"b":null}')
    expect(select.get('missing')).toBeUndefined()
  })

  it('binds a lone Buffer or null by position, not as named parameters', () => {
    const db = openTemp()
    db.exec("INSERT INTO t VALUES ('a', 1, x'6869')")
    const byBlob = db.prepare<[Buffer], { id: string }>('SELECT id FROM t WHERE b = ?')
    expect(byBlob.get(Buffer.from('hi'))).toEqual({ id: 'a' })
    const byNull = db.prepare<[null], { c: number }>('SELECT count(*) AS c FROM t WHERE n IS ?')
    expect(byNull.get(null)).toEqual({ c: 0 })
  })

  it('answers the number of rows written, and nothing more', () => {
    const db = openTemp()
    const insert = db.prepare('INSERT INTO t VALUES (?, ?, NULL)')
    expect(insert.run('a', 1)).toEqual({ changes: 1 })
    expect(db.prepare("UPDATE t SET n = 2 WHERE id = 'none'").run()).toEqual({ changes: 0 })
  })

  it('reads a pragma as its value', () => {
    const db = openTemp()
    expect(db.pragma('journal_mode = WAL')).toBe('wal')
    db.pragma('synchronous = FULL')
    expect(db.pragma('synchronous')).toBe(2)
    expect(db.pragma('user_version')).toBe(0)
  })

  it('rolls an immediate transaction back when its function throws', () => {
    const db = openTemp()
    const insert = db.prepare('INSERT INTO t VALUES (?, 1, NULL)')
    expect(() =>
      db.immediate(() => {
        insert.run('a')
        insert.run('a')
      }),
    ).toThrow()
    expect(db.prepare('SELECT id FROM t').all()).toEqual([])
    expect(db.immediate(() => insert.run('b').changes)).toBe(1)
  })

  it('throws constraint errors with the codes the store tells apart', () => {
    const db = openTemp()
    const insert = db.prepare('INSERT INTO t VALUES (?, 1, NULL)')
    insert.run('a')
    let caught: unknown
    try {
      insert.run('a')
    } catch (error) {
      caught = error
    }
    expect(isConstraintError(caught, 'PRIMARYKEY')).toBe(true)
    expect(isConstraintError(caught, 'UNIQUE')).toBe(false)
  })

  it('can be closed twice', () => {
    const db = openTemp()
    db.close()
    expect(db.open).toBe(false)
    expect(() => db.close()).not.toThrow()
  })
})
