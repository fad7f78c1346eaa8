import { usdText } from '@shotchain/graph'
import type { EstimateState } from './use-estimate.ts'

/** What the Run button says and whether it can be pressed. */
export interface RunButtonLabel {
  /** "Run · $0.84", "Run · …" while estimating, "Starting…". */
  readonly text: string
  /** True when the estimate refused the document: the description says why. */
  readonly refused: boolean
}

/**
 * The Run button's words from the live estimate: the price a run would pay ("Run · $0.84", and
 * "Run · $0.00" when everything is cached), "Run · …" while the estimate is being made, plain
 * "Run" when there is no estimate to give (an unsaved workflow), "Starting…" once pressed.
 * @example runButtonLabel({ kind: 'none', reason: 'Estimating…' }, false) // { text: 'Run · …', refused: false }
 */
export function runButtonLabel(estimate: EstimateState, starting: boolean): RunButtonLabel {
  const refused = estimate.kind === 'refused'
  if (starting) return { text: 'Starting…', refused }
  if (estimate.kind === 'ready')
    return { text: `Run · ${usdText(estimate.estimate.estimate.usd)}`, refused }
  if (estimate.kind === 'none' && estimate.reason === ESTIMATING)
    return { text: 'Run · …', refused }
  return { text: 'Run', refused }
}

/** What `useEstimate` says while an estimate is on its way. */
export const ESTIMATING = 'Estimating…'
