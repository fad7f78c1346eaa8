import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtemp } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { checkRefusal, matchRoute, readAnswer } from '@shotchain/api'
import { type FalEmulator, startFalEmulator } from '@shotchain/fal-emulator'
import { afterAll, beforeAll } from 'vitest'
import { createServer, type RunningServer } from '../server/create-server.ts'

const MAIN = resolve(import.meta.dirname, '../main.ts')
const TSX = join(
  dirname(createRequire(import.meta.url).resolve('tsx/package.json')),
  'dist',
  'loader.mjs',
)

/** Fast emulator knobs: short queue and run, videos just over fal's 300 px minimum. */
export const TEST_KNOBS = {
  queueLatencyMs: 20,
  runLatencyMs: 150,
  videoLongSide: 544,
  videoFps: 12,
}

/** The Kling endpoint the example's shots call, as the emulator's stats name it. */
export const KLING = 'fal-ai/kling-video/o1/standard/image-to-video'

/** A state folder and an emulator that outlive the servers started on them. */
export interface ServerHarness {
  readonly home: string
  readonly emulator: FalEmulator
  readonly env: NodeJS.ProcessEnv
  /** A server in this process. */
  start(): Promise<RunningServer>
  /**
   * A server as a child process (`main.ts --port 0`) with `env` added to the harness's; resolves
   * once it printed its URL, rejects with its output when it exits before.
   */
  spawn(env?: NodeJS.ProcessEnv): Promise<SpawnedServer>
  close(): Promise<void>
}

export interface SpawnedServer {
  readonly url: string
  readonly child: ChildProcess
  /** Everything it printed so far. */
  output(): string
  /** SIGKILL, and wait for the process to be gone. */
  kill(): Promise<void>
  /** Resolves with the exit code (or signal) once the process has exited. */
  exited(): Promise<number | NodeJS.Signals | null>
}

export async function createServerHarness(): Promise<ServerHarness> {
  const home = await mkdtemp(join(tmpdir(), 'shotchain-server-'))
  const emulator = await startFalEmulator(TEST_KNOBS)
  const env = {
    PATH: process.env.PATH,
    SHOTCHAIN_HOME: home,
    SHOTCHAIN_FAL_EMULATOR_URL: emulator.url,
  }
  const servers: RunningServer[] = []
  const children: SpawnedServer[] = []
  return {
    home,
    emulator,
    env,
    async start() {
      // A web build that never exists: whether apps/web was built (`pnpm start` builds it)
      // must not change what these tests see at `/`.
      const webDist = join(home, 'no-web-build')
      const server = await createServer({ env, port: 0, log: () => {}, webDist })
      servers.push(server)
      return server
    },
    async spawn(extra = {}) {
      const spawned = await spawnServer({ ...env, ...extra }, home)
      children.push(spawned)
      return spawned
    },
    async close() {
      await Promise.all(servers.map((s) => s.close()))
      await Promise.all(children.map((c) => c.kill()))
      await emulator.stop()
    },
  }
}

function spawnServer(env: NodeJS.ProcessEnv, cwd: string): Promise<SpawnedServer> {
  const child = spawn(process.execPath, ['--import', TSX, MAIN, '--port', '0'], {
    cwd,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  const exited = new Promise<number | NodeJS.Signals | null>((ok) =>
    child.once('exit', (code, signal) => ok(code ?? signal)),
  )
  return new Promise((resolvePromise, reject) => {
    const onData = (chunk: Buffer) => {
      out += chunk.toString()
      const url = /running at (http:\/\/\S+)/.exec(out)?.[1]
      if (url)
        resolvePromise({
          url,
          child,
          output: () => out,
          exited: () => exited,
          async kill() {
            if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
            await exited
          },
        })
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', (chunk: Buffer) => {
      out += chunk.toString()
    })
    child.once('error', reject)
    child.once('exit', (code) =>
      reject(new Error(`the server exited (${code}) before its URL:\n${out}`)),
    )
  })
}

/**
 * A JSON request to the server; resolves with the status, headers and parsed body. Every answer
 * is checked against the API contract (`@shotchain/api`): a success must parse with its route's
 * schema and a refusal with the error body, each declaring every field sent; anything else
 * throws, naming the route and the field.
 */
// biome-ignore lint/suspicious/noExplicitAny: tests read response bodies loosely and assert on them.
export async function api<T = any>(
  base: string,
  path: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<{ status: number; headers: Headers; body: T }> {
  const method = init.method ?? (init.body === undefined ? 'GET' : 'POST')
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...init.headers },
    ...(init.body === undefined
      ? {}
      : { body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body) }),
  })
  const text = await response.text()
  checkContract(method, path, response.status, text)
  return {
    status: response.status,
    headers: response.headers,
    body: (text === '' ? undefined : JSON.parse(text)) as T,
  }
}

/**
 * Saves a copy of the starter workflow with 3 s shots and `edit` applied, as a new workflow.
 * Returns its id.
 */
export async function createShortWorkflow(
  base: string,
  edit: (doc: WorkflowJson) => void = () => {},
): Promise<string> {
  const starter = await api<{ doc: WorkflowJson }>(base, '/api/workflows/three-shot-chain')
  const doc = structuredClone(starter.body.doc)
  for (const node of doc.nodes) if (node.type === 'kling-o1-i2v') node.params.duration = 3
  edit(doc)
  const created = await api<{ id: string }>(base, '/api/workflows', { body: doc })
  if (created.status !== 201) throw new Error(`create: ${JSON.stringify(created.body)}`)
  return created.body.id
}

/**
 * A response's JSON body, read loosely for assertions; checked against the API contract like
 * {@link api}'s answers (the response does not tell its method: a success is checked against the
 * route of its path that answers its status).
 */
// biome-ignore lint/suspicious/noExplicitAny: tests assert on the shape.
export async function jsonOf(response: Response): Promise<any> {
  const text = await response.text()
  const path = new URL(response.url).pathname
  const methods = ['GET', 'POST', 'PUT', 'DELETE']
  const method = methods.find((m) => matchRoute(m, path)?.status === response.status) ?? 'GET'
  checkContract(method, path, response.status, text)
  return JSON.parse(text)
}

/**
 * Throws when an answer breaks the API contract: a success of a route it has not, or whose body
 * its route's schema refuses; a refusal that is no error body; a field either does not declare.
 */
function checkContract(method: string, path: string, status: number, text: string): void {
  const pathname = new URL(path, 'http://server').pathname
  const route = matchRoute(method, pathname)
  const name = `${method} ${pathname}`
  if (route === undefined && status < 400) {
    throw new Error(`${name} answered ${status}: the API contract has no such route`)
  }
  const answer =
    route === undefined
      ? checkRefusal(name, status, parseOrText(text), { exact: true })
      : readAnswer(route, status, text, { exact: true })
  if (answer.kind === 'unexpected') throw new Error(`${answer.problem}: ${text.slice(0, 200)}`)
}

function parseOrText(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

export interface WorkflowJson {
  name: string
  nodes: { id: string; type: string; params: Record<string, unknown> }[]
  edges: unknown[]
}

/**
 * For a test file: a harness and a server in this process, started before its tests (handed to
 * `ready`) and closed after them.
 * @example
 * let h: ServerHarness
 * let server: RunningServer
 * useServer((harness, running) => { h = harness; server = running })
 */
export function useServer(ready: (harness: ServerHarness, server: RunningServer) => void): void {
  let harness: ServerHarness | undefined
  beforeAll(async () => {
    harness = await createServerHarness()
    ready(harness, await harness.start())
  }, 60_000)
  afterAll(() => harness?.close())
}
