import type { PlannedNode, RunEstimate } from './types.ts'

/** Counts what a plan's nodes will do and adds up what running them costs. */
export function summarize(nodes: readonly PlannedNode[]): RunEstimate {
  let usd = 0
  let resumedUsd = 0
  let run = 0
  let cached = 0
  let reused = 0
  let resumed = 0
  let needsDecision = 0
  let unknownPrice = 0
  for (const node of nodes) {
    if (node.action === 'cached') cached++
    else if (node.action === 'reuse') reused++
    else run++
    if (node.resumeRequestId !== undefined) {
      resumed++
      resumedUsd += node.costUsd
    }
    if (node.needsDecision) needsDecision++
    if (node.priceUnknown) unknownPrice++
    usd += node.costUsd
  }
  // Whole micro-dollars: 0.084 × 5 must read 0.42, not 0.42000000000000004.
  const micro = (value: number) => Math.round(value * 1e6) / 1e6
  return {
    usd: micro(usd),
    resumedUsd: micro(resumedUsd),
    run,
    cached,
    reused,
    resumed,
    needsDecision,
    unknownPrice,
  }
}
