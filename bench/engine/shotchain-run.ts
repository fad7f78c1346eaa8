import { hash } from 'node:crypto'
import {
  type CacheStore,
  createMemoryJournal,
  executeRun,
  type HashText,
  type PlanMemo,
  planRun,
  type RunResult,
} from '@shotchain/engine'
import type { NodeRegistry, WorkflowDocument } from '@shotchain/graph'
import { timed } from '../measure.ts'

/** What the CLI and server inject: node:crypto's one-shot SHA-256. */
export const nodeHash: HashText = (text) => hash('sha256', text, 'hex')

export interface ShotchainRunOptions {
  /** A fresh one for a cold run; a filled one for a warm re-run. */
  readonly cache: CacheStore
  /** Undefined measures the engine's portable pure-JS SHA-256. */
  readonly hash: HashText | undefined
  /** What planning remembers between runs of one workflow, as the server keeps it; none when cold. */
  readonly memo?: PlanMemo
}

export interface ShotchainRun {
  readonly ms: number
  readonly result: RunResult
  /** Events received, by type: the listener is a real (if small) consumer of the stream. */
  readonly events: Readonly<Record<string, number>>
}

let runCount = 0

/**
 * Plans and executes the whole document (no targets: every node), timing both together, as a
 * run from the CLI would, with a fresh journal. Throws when the plan is refused: the bench graph must be valid.
 */
export async function runShotchain(
  doc: WorkflowDocument,
  registry: NodeRegistry,
  options: ShotchainRunOptions,
): Promise<ShotchainRun> {
  const { cache, memo } = options
  const journal = createMemoryJournal()
  const runId = `bench-${++runCount}`
  const events: Record<string, number> = {}
  const onEvent = (event: { type: string }) => {
    events[event.type] = (events[event.type] ?? 0) + 1
  }
  const { ms, value } = await timed(async () => {
    const planned = planRun(doc, registry, { cache, journal, hash: options.hash, memo })
    if (!planned.ok) throw new Error(`bench graph refused: ${planned.issues[0]?.message}`)
    return executeRun(planned.plan, { runId, now: Date.now, services: {}, cache, journal, onEvent })
  })
  return { ms, result: value, events }
}
