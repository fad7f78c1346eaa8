import type { RunEvent } from '@shotchain/engine'
import { useCallback, useEffect, useRef, useState } from 'react'
import { followRun } from './follow-run.ts'
import { type RunRefusal, type RunState, type RunSummary, runApi } from './run-api.ts'
import { applyRunEvent, emptyRun, isLive, type RunView } from './run-view.ts'

type Finished = 'succeeded' | 'failed' | 'cancelled'
const FINISHED: ReadonlySet<string> = new Set<Finished>(['succeeded', 'failed', 'cancelled'])

export interface RunControl {
  /** The run on the page (live, or the last one of this workflow), rebuilt from its events. */
  readonly view: RunView | undefined
  /** Why the last Run or Cancel was refused, for the run panel. */
  readonly refusal: RunRefusal | undefined
  readonly starting: boolean
  readonly history: readonly RunSummary[]
  /**
   * Nodes whose submit may have reached fal without its request id coming back (a dropped
   * connection): the run waits for a person to say whether to submit them again.
   */
  readonly decision: readonly string[] | undefined
  /**
   * Why Run would do nothing now (a run of this page is starting or going), in words for a
   * notice; undefined when a run may start.
   */
  busyReason(): string | undefined
  /** Saves first when needed (a run executes the saved workflow), then starts. */
  start(options: { targets?: readonly string[]; budgetUsd?: number }): Promise<void>
  cancel(): Promise<void>
  /** Shows a past run's results (or follows it, if it still runs). */
  show(runId: string): void
  /** Forgets the last refusal (the document changed: it may no longer hold). */
  clearRefusal(): void
  /** Answers the decision: submit again (may pay twice) or cancel the run. */
  decide(submitAgain: boolean): Promise<void>
}

/**
 * The run side of the page for one saved workflow: starts and cancels runs and follows the one
 * shown over SSE. Opening a workflow (or reloading the page) shows its latest run — a run still
 * going continues live from its replayed events, nothing restarts.
 */
export function useRun(
  workflowId: string | undefined,
  saveFirst: () => Promise<string | undefined>,
): RunControl {
  const [view, setView] = useState<RunView>()
  const [refusal, setRefusal] = useState<RunRefusal>()
  const [starting, setStarting] = useState(false)
  const [history, setHistory] = useState<readonly RunSummary[]>([])
  const [decision, setDecision] = useState<readonly string[]>()
  const stop = useRef<() => void>(() => {})
  // What answers may still land for: the workflow on the page, and how many times the page moved
  // to another one (a first save keeps the count: it is the same workflow getting its id).
  const shown = useRef({ workflowId, moves: 0 })
  if (shown.current.workflowId !== workflowId) {
    const firstSave = shown.current.workflowId === undefined
    shown.current = { workflowId, moves: shown.current.moves + (firstSave ? 0 : 1) }
  }
  const latestView = useRef(view)
  latestView.current = view
  const busy = useRef(false)

  const refreshHistory = useCallback(async (id: string) => {
    const listed = await runApi.list(id)
    const runs = listed.ok ? listed.value.runs : []
    if (listed.ok && shown.current.workflowId === id) setHistory(runs)
    return runs
  }, [])

  const show = useCallback(
    (runId: string) => {
      stop.current()
      setDecision(undefined)
      setView(emptyRun(runId))
      const apply = (event: RunEvent) => setView((v) => (v ? applyRunEvent(v, event) : v))
      // The server ended the stream (the run no longer executes): it may wait for a person's
      // decision, or have ended without a run-finished the page saw (a server restart).
      const ended = (run: RunState) => {
        const id = shown.current.workflowId
        if (id) void refreshHistory(id)
        if (latestView.current?.runId !== runId) return
        if (run.status === 'needs-decision') setDecision(run.needsDecision ?? [])
        else {
          const status = FINISHED.has(run.status) ? (run.status as Finished) : 'failed'
          setView((v) => (v && isLive(v) && v.runId === runId ? { ...v, status } : v))
        }
      }
      stop.current = followRun(runId, apply, ended)
    },
    [workflowId, refreshHistory],
  )

  useEffect(() => {
    setView(undefined)
    setRefusal(undefined)
    setHistory([])
    if (workflowId === undefined) return
    let current = true
    void refreshHistory(workflowId).then((runs) => {
      const latest = runs[0]
      if (current && latest) show(latest.id)
    })
    return () => {
      current = false
      stop.current()
    }
  }, [workflowId, refreshHistory, show])

  // The shown run has just finished (its run-finished event): the listing says so now, not once
  // the server has ended the stream.
  const finishedId = view && FINISHED.has(view.status) ? view.runId : undefined
  useEffect(() => {
    if (finishedId !== undefined && workflowId !== undefined) void refreshHistory(workflowId)
  }, [finishedId, workflowId, refreshHistory])

  const busyReason = useCallback(() => {
    if (busy.current) return 'A run is starting: wait a moment before running again'
    if (isLive(latestView.current)) {
      return 'A run of this workflow is going: wait for it to end, or cancel it, before running again'
    }
    return undefined
  }, [])

  const start = useCallback(
    async (options: { targets?: readonly string[]; budgetUsd?: number }) => {
      // One run at a time from this page: a second Ctrl+Enter or click starts nothing.
      if (busyReason() !== undefined) return
      busy.current = true
      const moves = shown.current.moves
      setRefusal(undefined)
      setStarting(true)
      try {
        const id = await saveFirst()
        if (shown.current.moves !== moves) return
        if (id === undefined) {
          setRefusal({
            message: 'The workflow could not be saved, so it was not run (see the notice above).',
            issues: [],
          })
          return
        }
        const started = await runApi.start(id, options)
        // Another workflow was opened meanwhile: its page must not show this run.
        if (shown.current.moves !== moves) return
        if (!started.ok) return setRefusal(started.refusal)
        show(started.value.runId)
        void refreshHistory(id)
      } finally {
        busy.current = false
        setStarting(false)
      }
    },
    [saveFirst, show, refreshHistory],
  )

  const cancel = useCallback(async () => {
    if (!isLive(view) || view === undefined) return
    const cancelled = await runApi.cancel(view.runId)
    if (!cancelled.ok) setRefusal(cancelled.refusal)
  }, [view])

  const decide = useCallback(
    async (submitAgain: boolean) => {
      if (view === undefined || decision === undefined || busy.current) return
      busy.current = true
      const answer = submitAgain
        ? await runApi.resubmit(view.runId, decision)
        : await runApi.cancel(view.runId)
      busy.current = false
      if (!answer.ok) return setRefusal(answer.refusal)
      show(view.runId)
    },
    [view, decision, show],
  )

  const clearRefusal = useCallback(() => setRefusal(undefined), [])

  return {
    view,
    refusal,
    starting,
    history,
    decision,
    busyReason,
    start,
    cancel,
    show,
    decide,
    clearRefusal,
  }
}
