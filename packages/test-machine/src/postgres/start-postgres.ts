import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { chownSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { findPostgresBin, NO_POSTGRES_MESSAGE } from './find-postgres.ts'
import { claimFolder, FOLDER_PREFIX, sweepStaleServers } from './stale-servers.ts'

/** A PostgreSQL server of a test's own, in a temporary folder. */
export interface TestPostgres {
  /** `postgres://postgres@127.0.0.1:<port>/shotchain`: a database created for the caller. */
  readonly url: string
  /** Creates another database on the server (a fresh one for each test); its URL. */
  createDatabase(name: string): string
  /** Stops the server and removes its folder. Safe to call twice. */
  stop(): Promise<void>
}

export interface StartPostgresOptions {
  /**
   * Whether commits are flushed to disk as a production server's are (`fsync`, synchronous
   * commit); off by default, as a test's data need not survive a power cut. On for measurements.
   */
  readonly durable?: boolean
}

/** How long the server may take to accept connections. */
const READY_TIMEOUT_MS = 30_000

/**
 * Starts a real PostgreSQL server for tests: `initdb` into a fresh temporary folder, `postgres`
 * on 127.0.0.1 at a free port (its socket in that folder, fsync off unless `durable`), then creates the database `shotchain`. Run as root, the programs run as
 * the `postgres` user (initdb refuses root) and the folder is handed to that user. Servers left
 * running by test processes that died are stopped first. Throws when
 * no PostgreSQL is installed or the server does not come up.
 * @example
 * const pg = await startPostgres()
 * try { useDatabase(pg.url) } finally { await pg.stop() }
 */
export async function startPostgres(options: StartPostgresOptions = {}): Promise<TestPostgres> {
  const bin = findPostgresBin()
  if (bin === undefined) throw new Error(`test postgres: ${NO_POSTGRES_MESSAGE}`)
  sweepStaleServers(tmpdir())
  const folder = mkdtempSync(join(tmpdir(), FOLDER_PREFIX))
  claimFolder(folder)
  const as = runAs()
  if (as !== undefined) chownSync(folder, as.uid, as.gid)
  const data = join(folder, 'data')
  let server: ChildProcess | undefined
  try {
    const init = spawnSync(
      join(bin, 'initdb'),
      ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-sync', '--no-instructions'],
      { ...as, encoding: 'utf8' },
    )
    if (init.status !== 0) throw new Error(`test postgres: initdb failed: ${init.stderr}`)
    const port = await freePort()
    const fast = ['fsync=off', 'synchronous_commit=off', 'full_page_writes=off']
    const settings = options.durable ? [] : fast.flatMap((setting) => ['-c', setting])
    server = spawn(
      join(bin, 'postgres'),
      ['-D', data, '-h', '127.0.0.1', '-p', String(port), '-k', folder, ...settings],
      { ...as, stdio: ['ignore', 'ignore', 'pipe'] },
    )
    await ready(server)
    const createDatabase = (name: string) => {
      const created = spawnSync(
        join(bin, 'createdb'),
        ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', name],
        { ...as, encoding: 'utf8' },
      )
      if (created.status !== 0) throw new Error(`test postgres: createdb failed: ${created.stderr}`)
      return `postgres://postgres@127.0.0.1:${port}/${name}`
    }
    const url = createDatabase('shotchain')
    const running = server
    return {
      url,
      createDatabase,
      stop: async () => {
        await shutDown(running)
        rmSync(folder, { recursive: true, force: true })
      },
    }
  } catch (error) {
    if (server !== undefined) await shutDown(server)
    rmSync(folder, { recursive: true, force: true })
    throw error
  }
}

/** The `postgres` user's ids when this process is root (initdb refuses root); else undefined. */
function runAs(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined
  const id = (flag: string) => spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' })
  const uid = id('-u')
  const gid = id('-g')
  if (uid.status !== 0 || gid.status !== 0)
    throw new Error('test postgres: running as root, but there is no postgres user to run as')
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) }
}

/** A TCP port free on 127.0.0.1 just now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      const port = typeof address === 'object' && address !== null ? address.port : 0
      probe.close(() => resolve(port))
    })
  })
}

/** Resolves once the server logs that it accepts connections; rejects when it exits first. */
function ready(server: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let log = ''
    const timer = setTimeout(() => fail('did not start in time'), READY_TIMEOUT_MS)
    const fail = (why: string) => {
      clearTimeout(timer)
      reject(new Error(`test postgres: the server ${why}:\n${log}`))
    }
    server.stderr?.on('data', (chunk: Buffer) => {
      log += chunk.toString()
      if (log.includes('ready to accept connections')) {
        clearTimeout(timer)
        resolve()
      }
    })
    server.once('exit', (code) => fail(`exited (code ${code})`))
  })
}

/** Asks the server for a fast shutdown (SIGINT) and waits for it to exit. */
function shutDown(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    server.once('exit', () => resolve())
    server.kill('SIGINT')
  })
}
