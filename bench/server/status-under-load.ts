import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startFalEmulator } from '@shotchain/fal-emulator'
import { percentile } from '../measure.ts'
import { type BenchServer, spawnServer } from './spawn-server.ts'

// Server benchmark, second case: how long `GET /api/status` takes while large workflows arrive.
// A poller asks for the status every 20 ms while, for PHASE_MS each, workflows of prompt nodes
// are posted one after the other: 28,000 nodes (just under the 2 MB JSON limit, over the node
// cap), then 2,000 (the default cap: accepted). Progress on stderr; one JSON line of figures on
// stdout. See docs/benchmarks.md.

const PHASES = { over: 28_000, atCap: 2_000 } as const
const PHASE_MS = 5_000
const POLL_EVERY_MS = 20
const log = (message: string) => console.error(message)

/** A valid-looking workflow of `count` unconnected prompt nodes. */
function largeWorkflow(count: number): string {
  const nodes = Array.from({ length: count }, (_, i) => ({
    id: `p${i}`,
    type: 'prompt',
    position: [i % 200, Math.floor(i / 200)],
    params: { text: 'x' },
  }))
  return JSON.stringify({
    format: 'shotchain.workflow',
    version: 1,
    name: 'large',
    nodes,
    edges: [],
  })
}

const home = await mkdtemp(join(tmpdir(), 'shotchain-bench-load-'))
const emulator = await startFalEmulator({})
let server: BenchServer | undefined
try {
  server = await spawnServer(home, {
    SHOTCHAIN_FAL_EMULATOR_URL: emulator.url,
    ...(process.env.SHOTCHAIN_MAX_NODES
      ? { SHOTCHAIN_MAX_NODES: process.env.SHOTCHAIN_MAX_NODES }
      : {}),
  })
  const { url } = server
  const status = async (): Promise<number> => {
    const started = performance.now()
    const response = await fetch(`${url}/api/status`)
    await response.arrayBuffer()
    return performance.now() - started
  }
  const pause = () => new Promise((ok) => setTimeout(ok, POLL_EVERY_MS))
  // Warm-up: the routes, the parser and the store, untimed.
  for (let i = 0; i < 20; i++) await status()

  const idle: number[] = []
  for (let i = 0; i < 50; i++) {
    idle.push(await status())
    await pause()
  }
  const round = (ms: number) => Number(ms.toFixed(1))
  const figures: Record<string, unknown> = { idleStatusP99Ms: round(percentile(idle, 99)) }

  for (const [phase, nodes] of Object.entries(PHASES)) {
    const body = largeWorkflow(nodes)
    const loaded: number[] = []
    let polling = true
    const poller = (async () => {
      while (polling) {
        loaded.push(await status())
        await pause()
      }
    })()
    const postMs: number[] = []
    const answers = new Set<number>()
    const until = performance.now() + PHASE_MS
    while (performance.now() < until) {
      const started = performance.now()
      const response = await fetch(`${url}/api/workflows`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      })
      await response.arrayBuffer()
      postMs.push(performance.now() - started)
      answers.add(response.status)
    }
    polling = false
    await poller
    log(
      `${phase}: ${postMs.length} posts of ${nodes} nodes (${(body.length / 1e6).toFixed(2)} MB) answered ${[...answers].join('/')}, ${loaded.length} status samples`,
    )
    figures[phase] = {
      nodes,
      answer: [...answers].join('/'),
      posts: postMs.length,
      postP50Ms: round(percentile(postMs, 50)),
      statusP50Ms: round(percentile(loaded, 50)),
      statusP99Ms: round(percentile(loaded, 99)),
      statusMaxMs: round(Math.max(...loaded)),
    }
  }
  console.log(JSON.stringify(figures))
} finally {
  server?.child.kill('SIGKILL')
  await emulator.stop()
  await rm(home, { recursive: true, force: true })
}
