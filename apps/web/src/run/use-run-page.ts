import type { EditorApi, NodeRunStatus } from '@shotchain/editor'
import type { NodeRegistry, WorkflowDocument } from '@shotchain/graph'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { markInvalid, nodeStatuses } from './node-status.ts'
import { type RunOutputLink, runOutputs } from './run-outputs.ts'
import { isLive, type RunView } from './run-view.ts'
import { shotTimeline, type Timeline } from './shot-timeline.ts'
import { type EstimateState, useEstimate } from './use-estimate.ts'
import { type RunControl, useRun } from './use-run.ts'

const BUDGET_KEY = 'shotchain.budgetUsd'

export interface RunPage {
  readonly run: RunControl
  readonly estimate: EstimateState
  /** The estimate of Run to selected for the nodes selected now (`none` when none are). */
  readonly selectedEstimate: EstimateState
  readonly statuses: ReadonlyMap<string, NodeRunStatus>
  readonly timeline: Timeline
  /** What the shown run kept (its output nodes' files), to open or download. */
  readonly outputs: readonly RunOutputLink[]
  readonly budget: string
  setBudget(value: string): void
  /** Runs the workflow, or towards `targets` (run to selected); says why not when it refuses. */
  start(targets?: readonly string[]): string | undefined
  /** The editor's handle, once it is up (select and show a node). */
  readonly editor: { current: EditorApi | undefined }
}

/**
 * Everything the page shows of runs for the open workflow: the run (live or the latest), the
 * estimate of the current edit, each node's state (with nodes an edit made stale), the shot
 * timeline, and the budget (kept in this browser, enforced by the server).
 */
export function useRunPage(
  workflowId: string | undefined,
  doc: WorkflowDocument,
  registry: NodeRegistry,
  saveFirst: () => Promise<string | undefined>,
  selection: readonly string[] = [],
): RunPage {
  const run = useRun(workflowId, saveFirst)
  const estimate = useCurrentEstimate(useEstimate(workflowId, doc, run.view?.status), run.view)
  // A deleted node may still be in the last selection the editor told.
  const targets = useMemo(
    () => selection.filter((id) => doc.nodes.some((n) => n.id === id)),
    [selection, doc],
  )
  const selectedEstimate = useCurrentEstimate(
    useEstimate(workflowId, doc, run.view?.status, targets),
    run.view,
  )
  const [budget, setBudgetState] = useState(() => localStorage.getItem(BUDGET_KEY) ?? '')
  const editor = useRef<EditorApi | undefined>(undefined)
  // Stale: what the current document would run again, of what the shown run produced. Only from
  // an estimate of this very document made after that run ended, and never during a run.
  const stale = useMemo(() => {
    const fresh =
      estimate.kind === 'ready' && estimate.doc === doc && estimate.refresh === run.view?.status
    if (!fresh || isLive(run.view)) return new Set<string>()
    return new Set(estimate.estimate.toRun)
  }, [estimate, doc, run.view])
  // A refused run (or estimate) marks the nodes at fault invalid, with the field: nothing ran.
  const refusedIssues = useMemo(
    () =>
      run.refusal?.issues.length
        ? run.refusal.issues
        : estimate.kind === 'refused'
          ? estimate.refusal.issues
          : [],
    [run.refusal, estimate],
  )
  // An edit may fix what a run was refused for: the refusal goes, the estimate speaks again.
  const { clearRefusal } = run
  useEffect(() => clearRefusal(), [doc, clearRefusal])
  const statuses = useMemo(
    () =>
      markInvalid(nodeStatuses(doc, registry, run.view, stale), refusedIssues, (id) => {
        const node = doc.nodes.find((n) => n.id === id)
        return node && registry.get(node.type)
      }),
    [doc, registry, run.view, stale, refusedIssues],
  )
  // The rate the sequence last said, kept while a new run has not said it yet: trims stay
  // editable, in the same frames, during a run.
  const lastRate = useRef<{ workflowId: string | undefined; fps: number }>(undefined)
  const timeline = useMemo(() => {
    const known = lastRate.current
    const remembered = known?.workflowId === workflowId ? known?.fps : undefined
    return shotTimeline(doc, registry, run.view, statuses, remembered)
  }, [doc, registry, run.view, statuses, workflowId])
  if (timeline.fps !== undefined) lastRate.current = { workflowId, fps: timeline.fps }
  const setBudget = useCallback((value: string) => {
    setBudgetState(value)
    localStorage.setItem(BUDGET_KEY, value)
  }, [])
  const { start: startRun, busyReason } = run
  const start = useCallback(
    (targets?: readonly string[]) => {
      const busy = busyReason()
      if (busy !== undefined) return busy
      const text = budget.trim().replace(/^\$/, '')
      const amount = Number(text)
      if (text !== '' && !(Number.isFinite(amount) && amount >= 0)) {
        return `Budget: "${budget}" is not an amount of dollars; write it like 2.50, or leave it empty for none`
      }
      void startRun({
        ...(targets && targets.length > 0 ? { targets } : {}),
        ...(text !== '' ? { budgetUsd: amount } : {}),
      })
      return undefined
    },
    [budget, startRun, busyReason],
  )
  const outputs = useMemo(() => runOutputs(doc, registry, run.view), [doc, registry, run.view])
  return {
    run,
    estimate,
    selectedEstimate,
    statuses,
    timeline,
    outputs,
    budget,
    setBudget,
    start,
    editor,
  }
}

/**
 * An estimate made before the shown run changed state (it finished: more is cached now) no
 * longer holds; until the new one comes, the panel says it is estimating.
 */
function useCurrentEstimate(asked: EstimateState, view: RunView | undefined): EstimateState {
  return useMemo(
    () =>
      asked.kind === 'ready' && asked.refresh !== view?.status
        ? { kind: 'none', reason: 'Estimating…' }
        : asked,
    [asked, view?.status],
  )
}
