import type { WorkflowDocument } from '@shotchain/graph'
import { useEffect, useState } from 'react'
import type { Estimate } from './estimate-summary.ts'
import { type RunRefusal, runApi } from './run-api.ts'

/** How long the document must rest before it is estimated again (typing a prompt). */
const SETTLE_MS = 400

export type EstimateState =
  | { readonly kind: 'none'; readonly reason: string }
  | {
      readonly kind: 'ready'
      readonly estimate: Estimate
      /** The document and the `refresh` value it was made for. */
      readonly doc: WorkflowDocument
      readonly refresh: unknown
    }
  | { readonly kind: 'refused'; readonly refusal: RunRefusal }

/**
 * The server's estimate of running the editor's current document (saved or not, even a new
 * workflow never saved), redone a moment after each edit and whenever `refresh` changes (a run
 * finished: more is cached now). With `targets`, of running towards those nodes only (Run to
 * selected): what they need, priced with the cache; an empty `targets` estimates nothing (`none`).
 */
export function useEstimate(
  workflowId: string | undefined,
  doc: WorkflowDocument,
  refresh: unknown,
  targets?: readonly string[],
): EstimateState {
  const [state, setState] = useState<EstimateState>({ kind: 'none', reason: 'Estimating…' })
  // By value: a new array of the same ids is the same question.
  const towards = targets?.join('\n')
  // Another workflow: its estimate is not this one's, so say nothing until the new one comes.
  useEffect(() => setState({ kind: 'none', reason: 'Estimating…' }), [workflowId])
  // Other nodes selected: the estimate of the last selection is not this one's.
  useEffect(() => setState({ kind: 'none', reason: 'Estimating…' }), [towards])
  useEffect(() => {
    const ids = towards?.split('\n').filter((id) => id !== '')
    if (ids !== undefined && ids.length === 0) {
      setState({ kind: 'none', reason: 'Nothing selected' })
      return
    }
    let current = true
    const timer = setTimeout(async () => {
      const result =
        workflowId === undefined
          ? await runApi.estimateDraft(doc, ids)
          : await runApi.estimate(workflowId, doc, ids)
      if (!current) return
      setState(
        result.ok
          ? { kind: 'ready', estimate: result.value, doc, refresh }
          : { kind: 'refused', refusal: result.refusal },
      )
    }, SETTLE_MS)
    return () => {
      current = false
      clearTimeout(timer)
    }
  }, [workflowId, doc, refresh, towards])
  return state
}
