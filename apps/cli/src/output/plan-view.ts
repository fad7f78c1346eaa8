import type { RunPlan } from '@shotchain/engine'
import { usdText } from '@shotchain/graph'

/** The plan as lines: what runs, what is cached, what re-attaches, and the estimate. */
export function describePlan(plan: RunPlan, falMode: 'fal' | 'emulator'): string[] {
  const lines: string[] = []
  const typeWidth = Math.max(14, ...plan.nodes.map((n) => n.spec.type.length))
  for (const node of plan.nodes) {
    const what =
      node.action === 'cached'
        ? 'cached'
        : node.action === 'reuse'
          ? `same work as ${node.reuseOf}`
          : node.needsDecision
            ? 'NEEDS A DECISION: an earlier submit may have reached fal (see --resubmit)'
            : node.resumeRequestId
              ? `re-attach to fal request ${node.resumeRequestId} (already paid; ` +
                `${usdText(node.costUsd)} again only if fal lost it)`
              : node.priceUnknown
                ? 'run, price unknown'
                : node.costUsd > 0
                  ? `run, ${usdText(node.costUsd)}`
                  : 'run'
    lines.push(`  ${node.id.padEnd(14)} ${node.spec.type.padEnd(typeWidth)} ${what}`)
  }
  const { estimate } = plan
  const billed = falMode === 'fal' ? '' : ' (what fal would bill; the emulator bills nothing)'
  // The estimate counts every submit the run may make: the budget is checked against it.
  const resumed =
    estimate.resumedUsd > 0
      ? ` at most ($${estimate.resumedUsd.toFixed(2)} of it only if fal lost a paid job)`
      : ''
  lines.push(
    `estimate: ${estimate.run} to run, ${estimate.cached} cached` +
      (estimate.resumed > 0 ? `, ${estimate.resumed} re-attached` : '') +
      `, $${estimate.usd.toFixed(2)}${resumed}` +
      (estimate.unknownPrice > 0 ? ` plus ${estimate.unknownPrice} at an unknown price` : '') +
      billed,
  )
  for (const warning of plan.warnings)
    lines.push(`  warning [node ${warning.nodeId ?? '-'}] ${warning.path}: ${warning.message}`)
  return lines
}
