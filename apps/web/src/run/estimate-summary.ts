import {
  countText,
  type NodeRegistry,
  roleOf,
  takeRunIds,
  usdText,
  type WorkflowDocument,
} from '@shotchain/graph'

/** What the server's estimate says a run would do (`POST …/estimate`). */
export interface Estimate {
  readonly toRun: readonly string[]
  readonly cached: readonly string[]
  readonly reused: readonly string[]
  readonly estimate: { readonly usd: number }
}

/**
 * "2 shots to generate, 1 cached, $0.84" — shots are what costs money and time. Steps that are
 * not shots may cost too (a FLUX start frame is $0.003): a price under a cent keeps its digits.
 */
export function estimateSummary(
  doc: WorkflowDocument,
  registry: NodeRegistry,
  estimate: Estimate,
): string {
  // Every take of a shot is a shot to generate (a take not picked runs under its take id).
  const shots = new Set(
    doc.nodes.filter((n) => roleOf(registry, n, 'shot') !== undefined).flatMap(takeRunIds),
  )
  const generate = estimate.toRun.filter((id) => shots.has(id)).length
  const cached = [...estimate.cached, ...estimate.reused].filter((id) => shots.has(id)).length
  if (doc.nodes.length === 0) return 'Nothing to run yet: add nodes from the palette'
  if (estimate.toRun.length === 0) return 'Everything is cached: a run costs nothing'
  if (generate === 0) {
    const steps = estimate.toRun.length
    const held = cached > 0 ? ` (${cached} cached)` : ''
    const free = estimate.estimate.usd > 0 ? '' : 'free '
    return `No shots to generate${held}; ${countText(steps, `${free}step`)} to run, ${usdText(estimate.estimate.usd)}`
  }
  const parts = [`${countText(generate, 'shot')} to generate`]
  if (cached > 0) parts.push(`${cached} cached`)
  parts.push(usdText(estimate.estimate.usd))
  return parts.join(', ')
}
