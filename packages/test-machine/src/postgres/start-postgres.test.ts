import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { findPostgresBin } from './find-postgres.ts'
import { sweepStaleServers } from './stale-servers.ts'
import { startPostgres } from './start-postgres.ts'

function psql(bin: string, url: string, sql: string) {
  return spawnSync(join(bin, 'psql'), [url, '-tAc', sql], { encoding: 'utf8' })
}

describe('startPostgres', () => {
  it('starts a server with a database that answers queries, and removes it on stop', async () => {
    const bin = findPostgresBin()
    expect(bin).toBeDefined()
    const pg = await startPostgres()
    const folder = psql(bin as string, pg.url, 'SHOW data_directory').stdout.trim()
    try {
      expect(pg.url).toMatch(/^postgres:\/\/postgres@127\.0\.0\.1:\d+\/shotchain$/)
      expect(psql(bin as string, pg.url, 'SELECT 40 + 2').stdout.trim()).toBe('42')
      expect(psql(bin as string, pg.url, 'SHOW fsync').stdout.trim()).toBe('off')
      expect(existsSync(folder)).toBe(true)
    } finally {
      await pg.stop()
    }
    expect(existsSync(folder)).toBe(false)
    expect(psql(bin as string, pg.url, 'SELECT 1').status).not.toBe(0)
    await pg.stop()
  }, 60_000)
})

describe('sweepStaleServers', () => {
  it('stops the server of a test process that was killed, and removes its folder', () => {
    const bin = findPostgresBin() as string
    const script = join(import.meta.dirname, 'start-and-die.ts')
    const child = spawnSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8' })
    expect(child.signal).toBe('SIGKILL')
    const url = child.stdout.trim()
    const folder = psql(bin, url, 'SHOW data_directory').stdout.trim()
    expect(existsSync(folder)).toBe(true)

    expect(sweepStaleServers(tmpdir())).toBeGreaterThanOrEqual(1)
    expect(existsSync(folder)).toBe(false)
    expect(psql(bin, url, 'SELECT 1').status).not.toBe(0)
  }, 60_000)
})
