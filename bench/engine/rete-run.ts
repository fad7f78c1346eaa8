import { timed } from '../measure.ts'
import type { ReteGraph } from './rete-editor.ts'

export interface ReteRun {
  readonly ms: number
  /** Each sink's `out`, by DAG node index. */
  readonly outputs: ReadonlyMap<number, unknown>
}

/**
 * Runs the whole graph with rete-engine: clears its per-node cache (untimed), then fetches every
 * sink at once, which pulls every ancestor. The timed region is the fetches only.
 */
export async function runRete(graph: ReteGraph): Promise<ReteRun> {
  const { engine, sinks } = graph
  engine.reset()
  const { ms, value } = await timed(() => Promise.all(sinks.map((sink) => engine.fetch(sink.id))))
  const outputs = new Map(sinks.map((sink, i) => [sink.index, (value[i] as { out: unknown }).out]))
  return { ms, outputs }
}
