import type { RunSummary } from '../run/run-api.ts'

interface RunHistoryProps {
  readonly runs: readonly RunSummary[]
  readonly shownId: string | undefined
  /**
   * The shown run's status as its own events tell it: newer than the listing when it has just
   * finished (the listing is asked again, and answers a moment later).
   */
  readonly shownStatus: string | undefined
  readonly onShow: (runId: string) => void
}

const when = (ms: number) => new Date(ms).toLocaleString()

/** This workflow's past runs: status, when, cost; open one to see its results on the canvas. */
export function RunHistory({ runs, shownId, shownStatus, onShow }: RunHistoryProps) {
  if (runs.length === 0) return <p className="run-history-empty">No runs yet.</p>
  return (
    <ol className="run-history" aria-label="Run history" data-testid="run-history">
      {runs.map((run) => {
        const status =
          run.id === shownId && run.status === 'running' && shownStatus !== undefined
            ? shownStatus
            : run.status
        return (
          <li key={run.id} className={run.id === shownId ? 'is-shown' : undefined}>
            <button type="button" onClick={() => onShow(run.id)} data-testid="run-history-item">
              <span className={`run-status is-${status}`}>{status}</span>
              <span>{when(run.createdAt)}</span>
              <span>
                {run.spentUsd !== undefined
                  ? `$${run.spentUsd.toFixed(2)} spent`
                  : `est. $${(run.estimateUsd ?? 0).toFixed(2)}`}
              </span>
            </button>
          </li>
        )
      })}
    </ol>
  )
}
