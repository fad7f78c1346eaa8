import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { executeRun, type RunEvent, type RunPlan, type RunResult } from '@shotchain/engine'
import { createFalGateway } from '@shotchain/fal'
import { emulatorFetch, type FalEmulator } from '@shotchain/fal-emulator'
import { makePng, startTestEmulator } from '@shotchain/fal-emulator/testing'
import { createRegistry, parseWorkflow, type WorkflowDocument } from '@shotchain/graph'
import { createMediaTools, type MediaTools } from '@shotchain/media'
import { builtInNodes } from '@shotchain/nodes'
import { openStore, type Store } from '@shotchain/store'
import { planWorkflow } from '../plan/plan-workflow.ts'
import { createFalServices } from '../services/fal-services.ts'
import { createMediaServices } from '../services/media-services.ts'

const FAST = { attempts: 3, baseDelayMs: 2, maxDelayMs: 10 }
const registry = createRegistry(builtInNodes)

/** Shots of the test chain: each starts on the previous one's last frame. */
export const SHOTS = ['shot1', 'shot2'] as const

/** What a test makes go wrong on our side of fal, and counts. */
export interface Breakage {
  /** Answers the next N clip downloads get instead of the CDN's (a status, or `cut` for a body cut short). */
  downloads: (number | 'cut')[]
  /** The next N last-frame extractions fail. */
  frameFailures: number
}

/** A two-shot chain on a real emulator, a real store and ffmpeg, wired as the apps wire them. */
export interface PaidChain {
  readonly emulator: FalEmulator
  readonly store: Store
  readonly breakage: Breakage
  /** Plans and runs the chain as a new run (or an execution of `runId`). */
  run(options?: {
    readonly runId?: string
    readonly budgetUsd?: number
    readonly resubmit?: readonly string[]
    readonly signal?: AbortSignal
    readonly onEvent?: (event: RunEvent) => void
  }): Promise<{ plan: RunPlan; result: RunResult; events: RunEvent[] }>
  /** Submits that reached fal, per shot, over every run so far (from the spend ledger). */
  submitsPerShot(): Record<string, number>
  close(): Promise<void>
}

function chain(imagePath: string): WorkflowDocument {
  const parsed = parseWorkflow({
    format: 'shotchain.workflow',
    version: 1,
    name: 'paid chain',
    nodes: [
      { id: 'image', type: 'image-source', position: [0, 0], params: { path: imagePath } },
      { id: 'p1', type: 'prompt', position: [0, 200], params: { text: '@Image1: push in' } },
      { id: 'p2', type: 'prompt', position: [0, 400], params: { text: '@Image1: pull out' } },
      { id: 'shot1', type: 'kling-o1-i2v', position: [300, 0], params: { duration: 3 } },
      { id: 'shot2', type: 'kling-o1-i2v', position: [600, 0], params: { duration: 3 } },
    ],
    edges: [
      { id: 'e1', from: { node: 'image', port: 'image' }, to: { node: 'shot1', port: 'start' } },
      { id: 'e2', from: { node: 'p1', port: 'text' }, to: { node: 'shot1', port: 'prompt' } },
      {
        id: 'e3',
        from: { node: 'shot1', port: 'lastFrame' },
        to: { node: 'shot2', port: 'start' },
      },
      { id: 'e4', from: { node: 'p2', port: 'text' }, to: { node: 'shot2', port: 'prompt' } },
    ],
  })
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => i.message).join('; '))
  return parsed.doc
}

/** A fetch that answers clip downloads as `breakage` says while it has answers left. */
function breakableFetch(breakage: Breakage): typeof fetch {
  return (async (input: Parameters<typeof fetch>[0], init?: RequestInit) => {
    const planned = breakage.downloads.shift()
    if (planned === undefined) return fetch(input, init)
    if (planned === 'cut') {
      const real = await fetch(input, init)
      const bytes = new Uint8Array(await real.arrayBuffer())
      return new Response(bytes.slice(0, bytes.length >> 1), {
        headers: { 'content-length': String(bytes.length) },
      })
    }
    return new Response('CDN trouble', { status: planned })
  }) as typeof fetch
}

function breakableTools(tools: MediaTools, breakage: Breakage): MediaTools {
  return {
    ...tools,
    extractFrame: (video, at, out, options) => {
      if (breakage.frameFailures > 0) {
        breakage.frameFailures--
        return Promise.reject(new Error('ffmpeg: could not read the last frame'))
      }
      return tools.extractFrame(video, at, out, options)
    },
  }
}

/**
 * Starts the emulator (fast knobs), a store in a temp folder and the chain's start image. Call
 * `close()` when done. Downloads and retries are fast; a result is given up on after 300 ms of 5xx.
 */
export async function startPaidChain(): Promise<PaidChain> {
  const dir = await mkdtemp(join(tmpdir(), 'shotchain-paid-'))
  await writeFile(join(dir, 'start.png'), makePng(640, 360))
  const { emulator, key } = await startTestEmulator({ videoLongSide: 544 })
  const store = openStore(join(dir, 'state'))
  const breakage: Breakage = { downloads: [], frameFailures: 0 }
  const gateway = createFalGateway({
    mode: 'emulator',
    credentials: key,
    fetch: emulatorFetch(emulator.url),
    retry: FAST,
    pollIntervalMs: 10,
    resultPatienceMs: 300,
    uploads: store.uploads,
  })
  const media = createMediaServices(
    store,
    breakableTools(createMediaTools(), breakage),
    { baseDir: dir },
    { download: { policy: FAST, fetch: breakableFetch(breakage) } },
  )
  const services = { media, fal: createFalServices(gateway, store) }
  const doc = chain('start.png')
  const runIds: string[] = []
  return {
    emulator,
    store,
    breakage,
    async run(options = {}) {
      const runId = options.runId ?? `run-${runIds.length + 1}`
      if (!runIds.includes(runId)) runIds.push(runId)
      const resubmit = new Set(options.resubmit ?? [])
      const planned = await planWorkflow({ doc, registry, services, store, resubmit })
      if (!planned.ok) throw new Error(planned.issues.map((i) => i.message).join('; '))
      const events: RunEvent[] = []
      const result = await executeRun(planned.plan, {
        runId,
        now: Date.now,
        services,
        cache: store.cache,
        journal: store.journal,
        ledger: store.spends,
        resubmit,
        ...(options.budgetUsd === undefined ? {} : { budgetUsd: options.budgetUsd }),
        ...(options.signal === undefined ? {} : { signal: options.signal }),
        onEvent: (event) => {
          events.push(event)
          options.onEvent?.(event)
        },
      })
      return { plan: planned.plan, result, events }
    },
    submitsPerShot() {
      const counts: Record<string, number> = Object.fromEntries(SHOTS.map((s) => [s, 0]))
      for (const runId of runIds) {
        for (const record of store.spends.list(runId)) {
          counts[record.nodeId] = (counts[record.nodeId] ?? 0) + 1
        }
      }
      return counts
    },
    async close() {
      store.close()
      await emulator.stop()
      await rm(dir, { recursive: true, force: true })
    },
  }
}
