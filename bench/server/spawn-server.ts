import { type ChildProcessByStdio, spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import type { Readable } from 'node:stream'

const MAIN = resolve(import.meta.dirname, '../../apps/server/src/main.ts')
const TSX = join(
  dirname(createRequire(import.meta.url).resolve('tsx/package.json')),
  'dist',
  'loader.mjs',
)

/** A server child process the benches measure, and the URL it printed. */
export interface BenchServer {
  readonly child: ChildProcessByStdio<null, Readable, null>
  readonly url: string
}

/**
 * Starts `apps/server` as a child process on a free port, in `home` with `env` (PATH kept, nothing
 * else of this process's environment), and resolves once it prints the URL it listens on.
 */
export async function spawnServer(
  home: string,
  env: Readonly<Record<string, string>>,
): Promise<BenchServer> {
  const child = spawn(process.execPath, ['--import', TSX, MAIN, '--port', '0'], {
    cwd: home,
    env: { PATH: process.env.PATH, SHOTCHAIN_HOME: home, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const url = await new Promise<string>((ok, fail) => {
    let out = ''
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const found = /running at (http:\/\/\S+)/.exec(out)?.[1]
      if (found) ok(found)
    })
    child.once('exit', (code) => fail(new Error(`the server exited (${code})`)))
  })
  return { child, url }
}
