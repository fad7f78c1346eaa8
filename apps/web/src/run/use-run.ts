import type { RunEvent } from '@shotchain/engine'
import { useCallback, useEffect, useRef, useState } from 'react'
import { followRun } from './follow-run.ts'
import { type RunRefusal, type RunSummary, runApi } from './run-api.ts'
import { applyRunEvent, emptyRun, isLive, type RunView } from './run-view.ts'

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
  /** Saves first when needed (a run executes the saved workflow), then starts. */
  start(options: { targets?: readonly string[]; budgetUsd?: number }): Promise<void>
  cancel(): Promise<void>
  /** Shows a past run's results (or follows it, if it still runs). */
  show(runId: string): void
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

  const refreshHistory = useCallback(async (id: string) => {
    const listed = await runApi.list(id)
    if (listed.ok) setHistory(listed.value.runs)
    return listed.ok ? listed.value.runs : []
  }, [])

  const show = useCallback(
    (runId: string) => {
      stop.current()
      setDecision(undefined)
      setView(emptyRun(runId))
      const apply = (event: RunEvent) => setView((v) => (v ? applyRunEvent(v, event) : v))
      const ended = () => {
        if (workflowId) void refreshHistory(workflowId)
        // A stream that stops without run-finished: the run may wait for a person's decision.
        void runApi.get(runId).then((run) => {
          if (run.ok && run.value.status === 'needs-decision') {
            setDecision(run.value.needsDecision ?? [])
          }
        })
      }
      stop.current = followRun(
        runId,
        (event) => {
          apply(event)
          if (event.type === 'run-finished') ended()
        },
        ended,
      )
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

  const start = useCallback(
    async (options: { targets?: readonly string[]; budgetUsd?: number }) => {
      setRefusal(undefined)
      setStarting(true)
      try {
        const id = await saveFirst()
        if (id === undefined) {
          setRefusal({
            message: 'The workflow could not be saved, so it was not run (see the notice above).',
            issues: [],
          })
          return
        }
        const started = await runApi.start(id, options)
        if (!started.ok) return setRefusal(started.refusal)
        show(started.value.runId)
        void refreshHistory(id)
      } finally {
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
      if (view === undefined || decision === undefined) return
      const answer = submitAgain
        ? await runApi.resubmit(view.runId, decision)
        : await runApi.cancel(view.runId)
      if (!answer.ok) return setRefusal(answer.refusal)
      show(view.runId)
    },
    [view, decision, show],
  )

  return { view, refusal, starting, history, decision, start, cancel, show, decide }
}
