import { availableParallelism } from 'node:os'
import { createMemoryCache, createPlanMemo, type HashText } from '@shotchain/engine'
import { formatMs, medianOf, round, timed } from '../measure.ts'
import { createNoopRegistry } from './noop-node.ts'
import { createRandomDag, type RandomDag } from './random-dag.ts'
import { createReteGraph } from './rete-editor.ts'
import { runRete } from './rete-run.ts'
import { checkSinksAgree, expectRun } from './run-checks.ts'
import { nodeHash, runShotchain } from './shotchain-run.ts'
import { toWorkflow } from './to-workflow.ts'

// Engine benchmark: Shotchain's planRun + executeRun against rete-engine's DataflowEngine on the
// same seeded layered DAG. Progress goes to stderr; the one JSON line of figures to stdout.

const SEED = 0x5107c4a1
const registry = createNoopRegistry()
const log = (message: string) => console.error(message)

/**
 * Median ms of cold runs (fresh cache and journal each time) over the DAG's document.
 * `hash` undefined measures the engine's portable pure-JS SHA-256.
 */
async function coldMs(dag: RandomDag, times: number, hash: HashText | undefined): Promise<number> {
  const doc = toWorkflow(dag)
  const label = `cold ${dag.size}${hash === undefined ? ' (portable hash)' : ''}`
  return medianOf(label, times, async () => {
    const run = await runShotchain(doc, registry, { cache: createMemoryCache(), hash })
    expectRun(run, dag.size, 'ran')
    return run.ms
  })
}

/**
 * Median ms of re-runs where every node is a cache hit: one cold run fills the cache (and the
 * plan memo the server keeps per workflow) first, then the unchanged document runs again.
 */
async function warmMs(dag: RandomDag, times: number): Promise<number> {
  const doc = toWorkflow(dag)
  const cache = createMemoryCache()
  const memo = createPlanMemo()
  await runShotchain(doc, registry, { cache, hash: nodeHash, memo })
  return medianOf(`warm ${dag.size}`, times, async () => {
    const run = await runShotchain(doc, registry, { cache, hash: nodeHash, memo })
    expectRun(run, dag.size, 'cached')
    return run.ms
  })
}

/** Median ms of rete-engine runs; the editor is built once, untimed, and checked against ours. */
async function reteMs(dag: RandomDag, times: number): Promise<number> {
  const built = await timed(() => createReteGraph(dag))
  log(`  rete editor with ${dag.size} nodes built in ${formatMs(built.ms)} (not timed)`)
  const ours = await runShotchain(toWorkflow(dag), registry, {
    cache: createMemoryCache(),
    hash: nodeHash,
  })
  return medianOf(`rete ${dag.size}`, times, async () => {
    const run = await runRete(built.value)
    checkSinksAgree(run.outputs, ours.result)
    return run.ms
  })
}

const usPerNode = (ms: number, dag: RandomDag) => (ms * 1000) / dag.size

log(`engine bench: Node ${process.version}, ${availableParallelism()} cores, seed ${SEED}`)
const small = createRandomDag({ size: 1_000, seed: SEED })
const dag10k = createRandomDag({ size: 10_000, seed: SEED })
const dag100k = createRandomDag({ size: 100_000, seed: SEED })

log('warm-up (1,000 nodes, not reported)')
await coldMs(small, 3, nodeHash)
await coldMs(small, 1, undefined)
await warmMs(small, 2)
await reteMs(small, 1)

log('shotchain, 10,000 nodes')
const cold10k = await coldMs(dag10k, 5, nodeHash)
const warm10k = await warmMs(dag10k, 5)
const portable10k = await coldMs(dag10k, 3, undefined)
log('shotchain, 100,000 nodes')
const cold100k = await coldMs(dag100k, 3, nodeHash)
log('rete-engine, 10,000 nodes')
const rete10k = await reteMs(dag10k, 2)

const figures = {
  nodes: dag10k.size,
  usPerNode: round(usPerNode(cold10k, dag10k)),
  reteUsPerNode: round(usPerNode(rete10k, dag10k)),
  speedup: round(rete10k / cold10k),
  usPerNode100k: round(usPerNode(cold100k, dag100k)),
  warmMs10k: round(warm10k),
  usPerNodePortableHash: round(usPerNode(portable10k, dag10k)),
  edges10k: dag10k.edges.length,
  cores: availableParallelism(),
}
console.log(JSON.stringify(figures))
