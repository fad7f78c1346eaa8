import { spawn } from 'node:child_process'
import { mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createMediaTools } from '@shotchain/media'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { REPO_ROOT, readerEnv, readmeCommand } from './readme-commands.ts'

// The README's commands, run as written (in the repository, through bash, with none of the
// test's environment): a README that drifts from what works fails here.

let home: string
beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'shotchain-readme-'))
})
afterAll(() => rm(home, { recursive: true, force: true }))

/** A command running in bash at the repository root, with none of the test's environment. */
function start(command: string) {
  // A state folder of its own, so the test neither reads nor writes the reader's.
  const child = spawn('bash', ['-c', command], {
    cwd: REPO_ROOT,
    env: readerEnv({ SHOTCHAIN_HOME: home }),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const listeners = new Set<() => void>()
  const read = (chunk: Buffer) => {
    output += chunk.toString()
    for (const listener of listeners) listener()
  }
  child.stdout.on('data', read)
  child.stderr.on('data', read)
  const done = new Promise<number | null>((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (code) => resolve(code))
  })
  return {
    done,
    output: () => output,
    /** Resolves with the first match of `pattern` in the output; rejects if the command ends first. */
    waitFor(pattern: RegExp): Promise<RegExpExecArray> {
      return new Promise((resolve, reject) => {
        const check = () => {
          const match = pattern.exec(output)
          if (match) {
            listeners.delete(check)
            resolve(match)
          }
        }
        listeners.add(check)
        check()
        void done.then(() => reject(new Error(`ended without ${pattern}:\n${output}`)))
      })
    },
    /** SIGTERM to the whole process group (pnpm, tsx and the server). */
    stop: () => process.kill(-(child.pid as number), 'SIGTERM'),
  }
}

describe("the README's commands", () => {
  it('set up and run the main job: the three-shot chain becomes one 15 s sequence', async () => {
    const job = start(readmeCommand('set up and run the main job'))
    expect(await job.done, job.output()).toBe(0)
    expect(job.output()).toMatch(/offline emulator/)
    const video = join(REPO_ROOT, 'examples/out/three-shot-chain/three-shot-chain.mp4')
    expect((await stat(video)).size).toBeGreaterThan(0)
    expect((await createMediaTools().probe(video)).durationSec).toBeCloseTo(15, 0)
  }, 300_000)

  it('the app: builds the editor and serves it with the API', async () => {
    // `--port 0` (README: picks a free port) so a server already on 5757 does not matter.
    const app = start(`${readmeCommand('the app: editor and server')} --port 0`)
    try {
      const [, url] = await app.waitFor(/Shotchain is running at (http:\S+)/)
      const page = await fetch(`${url}/`)
      expect(page.status).toBe(200)
      expect(await page.text()).toMatch(/<div id="root">/)
      const status = await fetch(`${url}/api/status`)
      expect(await status.json()).toMatchObject({ fal: 'offline emulator' })
    } finally {
      app.stop()
      await app.done
    }
  }, 300_000)
})
