import { readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startFalEmulator } from '@shotchain/fal-emulator'
import { readSse } from '@shotchain/server/testing'
import { startPostgres } from '@shotchain/test-machine'
import { percentile } from '../measure.ts'
import { type BenchServer, spawnServer } from './spawn-server.ts'

// Server benchmark: 20 concurrent three-shot runs through the HTTP API of a server child process,
// against the fal emulator (in this process) at fixed latencies, on each store: SQLite in the
// state folder, then a PostgreSQL server this bench starts (durable: fsync on). Progress goes to
// stderr; one JSON line of figures per store to stdout. See docs/benchmarks.md for the figures.

const RUNS = 20
const WARMUP = 2
const KNOBS = {
  queueLatencyMs: 300,
  runLatencyMs: 1_000,
  concurrency: 100,
  videoLongSide: 544,
  videoFps: 12,
}
const log = (message: string) => console.error(message)
const TICKS_PER_SECOND = 100 // Linux USER_HZ

/** The process's own CPU time (user + system, children excluded: ffmpeg is not the server), ms. */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? []
  return ((Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND) * 1000
}

/** The process's peak resident set (VmHWM), MB. */
function peakRssMb(pid: number): number {
  const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]
  return Number(kb) / 1024
}

// biome-ignore lint/suspicious/noExplicitAny: the bench reads response bodies loosely.
async function json(url: string, body?: unknown): Promise<any> {
  const response = await fetch(url, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status} ${await response.text()}`)
  return response.json()
}

/** Runs the bench against a server on `store` (`storeEnv` selects it); prints its figures. */
async function measure(store: string, storeEnv: Record<string, string>): Promise<void> {
  const home = await mkdtemp(join(tmpdir(), 'shotchain-bench-server-'))
  const emulator = await startFalEmulator(KNOBS)
  let server: BenchServer | undefined
  try {
    server = await spawnServer(home, { SHOTCHAIN_FAL_EMULATOR_URL: emulator.url, ...storeEnv })
    const { child, url } = server
    const pid = child.pid as number
    log(`server ${url} (pid ${pid}), emulator ${JSON.stringify(KNOBS)}`)

    const starter = await json(`${url}/api/workflows/three-shot-chain`)
    const workflowIds: string[] = []
    for (let i = 0; i < RUNS + WARMUP; i++) {
      const doc = structuredClone(starter.doc)
      for (const node of doc.nodes) {
        if (node.type === 'kling-o1-i2v') node.params.duration = 3
        if (node.type === 'prompt') node.params.text = `@Image1: take ${i} of ${node.id}`
      }
      workflowIds.push((await json(`${url}/api/workflows`, doc)).id)
    }

    const latencies: number[] = []
    let nodes = 0
    const runAll = (ids: readonly string[]) =>
      Promise.all(
        ids.map(async (id) => {
          const { runId } = await json(`${url}/api/workflows/${id}/runs`, {})
          const messages = await readSse(`${url}/api/runs/${runId}/events`, {
            onMessage(message) {
              const received = Date.now()
              const event = JSON.parse(message.data)
              // Events caused by a status the emulator reported: the submit's answer, queue/run status.
              if (event.type === 'node-submitted' || event.type === 'node-progress')
                latencies.push(received - event.at)
            },
          })
          const last = JSON.parse(messages.at(-1)?.data ?? '{}')
          if (last.type !== 'run-finished' || last.status !== 'succeeded')
            throw new Error(`run ${runId} did not succeed: ${JSON.stringify(last)}`)
          nodes += last.counts.succeeded + last.counts.cached
        }),
      )
    log(`warm-up: ${WARMUP} runs (JIT, lazy imports, first ffmpeg calls), not measured`)
    await runAll(workflowIds.slice(RUNS))
    latencies.length = 0
    nodes = 0
    const submitsBefore = emulator.stats().totals.submits
    const cpuBefore = cpuMs(pid)
    const started = performance.now()
    await runAll(workflowIds.slice(0, RUNS))
    const wallMs = performance.now() - started
    const cpu = cpuMs(pid) - cpuBefore
    const stats = emulator.stats()
    log(
      `${RUNS} runs, ${nodes} nodes in ${(wallMs / 1000).toFixed(1)} s; server CPU ${cpu.toFixed(0)} ms; ${latencies.length} events timed; ${stats.totals.submits} submits`,
    )
    if (stats.totals.submits - submitsBefore !== RUNS * 3)
      throw new Error(`expected ${RUNS * 3} submits`)
    console.log(
      JSON.stringify({
        store,
        overheadMsPerNode: Number((cpu / nodes).toFixed(2)),
        eventLatencyP50Ms: percentile(latencies, 50),
        eventLatencyP99Ms: percentile(latencies, 99),
        peakRssMb: Math.round(peakRssMb(pid)),
      }),
    )
  } finally {
    server?.child.kill('SIGKILL')
    await emulator.stop()
    await rm(home, { recursive: true, force: true })
  }
}

await measure('sqlite', {})
const postgres = await startPostgres({ durable: true })
try {
  await measure('postgres', { SHOTCHAIN_DATABASE_URL: postgres.url })
} finally {
  await postgres.stop()
}
