import type { RunResult } from '@shotchain/engine'
import { nodeId } from './to-workflow.ts'

/** Each node's events in a run of `size` nodes: queued, started, succeeded; or just cached. */
const EVENTS_PER_NODE = { ran: 3, cached: 1 } as const

/**
 * Throws unless the run touched all `size` nodes the expected way and its listener saw every
 * event: a benchmark of a run that silently did less would be worthless.
 */
export function expectRun(
  run: { readonly result: RunResult; readonly events: Readonly<Record<string, number>> },
  size: number,
  how: 'ran' | 'cached',
): void {
  const { status, counts } = run.result
  const done = how === 'ran' ? counts.succeeded : counts.cached
  const events = Object.values(run.events).reduce((sum, n) => sum + n, 0)
  const expectedEvents = size * EVENTS_PER_NODE[how] + 2
  if (status !== 'succeeded' || done !== size || events !== expectedEvents) {
    throw new Error(
      `expected ${size} nodes ${how} and ${expectedEvents} events; got ${status}, ` +
        `${JSON.stringify(counts)}, ${events} events`,
    )
  }
}

/** Throws unless rete-engine's sink values equal Shotchain's: both ran the same graph. */
export function checkSinksAgree(rete: ReadonlyMap<number, unknown>, ours: RunResult): void {
  for (const [index, value] of rete) {
    const mine = ours.outputs.get(nodeId(index))?.out
    if (mine !== value)
      throw new Error(`node ${index}: rete gave ${String(value)}, Shotchain ${String(mine)}`)
  }
}
