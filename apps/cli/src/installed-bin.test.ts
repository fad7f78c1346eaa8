import { spawn } from 'node:child_process'
import { cp, mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'

const REPO = resolve(import.meta.dirname, '../../..')
const BIN = resolve(import.meta.dirname, '../bin/shotchain.js')
/** The shim `pnpm exec shotchain` runs at the repo root (the root's dev dependency on the CLI). */
const ROOT_SHIM = join(REPO, 'node_modules', '.bin', 'shotchain')
const CHAIN = join(REPO, 'examples', 'three-shot-chain.json')

let outside: string

beforeAll(async () => {
  outside = await mkdtemp(join(tmpdir(), 'shotchain-bin-'))
  await cp(join(REPO, 'examples'), join(outside, 'work'), { recursive: true })
})

/** Runs a command from `cwd` with nothing of the repo's environment (no tsx loader, no INIT_CWD). */
function exec(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
  return new Promise<{ code: number | null; out: string; err: string }>((done, reject) => {
    const child = spawn(command, args, {
      cwd,
      env: { PATH: process.env.PATH, SHOTCHAIN_HOME: join(outside, '.state'), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    let err = ''
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk
    })
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk
    })
    child.on('error', reject)
    child.on('close', (code) => done({ code, out, err }))
  })
}

describe('the installed `shotchain` command', () => {
  it('runs with plain node from a folder outside the repo, and validate names no fal', async () => {
    const { code, out, err } = await exec(process.execPath, [BIN, 'validate', CHAIN], outside)
    expect(err).toBe('')
    expect(code).toBe(0)
    expect(out).toBe(`${CHAIN}: valid (9 nodes)\n`)
  }, 60_000)

  it("reads relative paths against the folder it runs in, not an outer pnpm's INIT_CWD", async () => {
    // What a package script started from a subfolder sees: INIT_CWD names the subfolder.
    const work = join(outside, 'work')
    const env = { INIT_CWD: join(work, 'images') }
    const { code, out } = await exec(
      process.execPath,
      [BIN, 'validate', 'single-shot.json'],
      work,
      env,
    )
    expect(code).toBe(0)
    expect(out).toBe('single-shot.json: valid (4 nodes)\n')
  }, 60_000)

  it('is on the repo root’s bin path, as `pnpm exec shotchain` finds it', async () => {
    const { code, out } = await exec(
      ROOT_SHIM,
      ['estimate', 'three-shot-chain.json'],
      join(outside, 'work'),
    )
    expect(code).toBe(0)
    expect(out).toMatch(/^ {2}shot1 +kling-o1-i2v +run, \$0\.\d\d$/m)
    expect(out).toMatch(/^estimate: 9 to run/m)
    expect(out).not.toMatch(/^shotchain:/m)
  }, 60_000)
})
