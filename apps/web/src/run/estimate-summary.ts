import type { WorkflowDocument } from '@shotchain/graph'

/** What the server's estimate says a run would do (`POST …/estimate`). */
export interface Estimate {
  readonly toRun: readonly string[]
  readonly cached: readonly string[]
  readonly reused: readonly string[]
  readonly estimate: { readonly usd: number }
}

const isShot = (doc: WorkflowDocument, id: string) =>
  doc.nodes.some((n) => n.id === id && n.type === 'kling-o1-i2v')

/** "2 shots to generate, 1 cached, $0.84" — shots are what costs money and time. */
export function estimateSummary(doc: WorkflowDocument, estimate: Estimate): string {
  const generate = estimate.toRun.filter((id) => isShot(doc, id)).length
  const cached = [...estimate.cached, ...estimate.reused].filter((id) => isShot(doc, id)).length
  const parts = [`${generate} ${generate === 1 ? 'shot' : 'shots'} to generate`]
  if (cached > 0) parts.push(`${cached} cached`)
  if (generate === 0 && estimate.toRun.length > 0) parts.push('only free steps to run')
  if (generate === 0 && estimate.toRun.length === 0)
    return 'Everything is cached: a run costs nothing'
  parts.push(`$${estimate.estimate.usd.toFixed(2)}`)
  return parts.join(', ')
}
