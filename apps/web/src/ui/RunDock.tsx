import type { ApiIssue } from '@shotchain/api'
import type { WorkflowDocument } from '@shotchain/graph'
import { useState } from 'react'
import { isLive } from '../run/run-view.ts'
import type { RunPage } from '../run/use-run-page.ts'
import { RunHistory } from './RunHistory.tsx'
import { RunPanel } from './RunPanel.tsx'

interface RunDockProps {
  readonly page: RunPage
  readonly doc: WorkflowDocument
  readonly offline: boolean
  readonly selected: () => readonly string[]
}

/** The side panel: the run panel over this workflow's run history. */
export function RunDock({ page, doc, offline, selected }: RunDockProps) {
  const { run } = page
  const [hint, setHint] = useState<string>()
  // A past run on the page must not hide one still going.
  const going = run.history.find((r) => r.status === 'running' && r.id !== run.view?.runId)
  const onRun = (toSelected: boolean) => {
    const ids = toSelected ? selected() : []
    if (toSelected && ids.length === 0) {
      setHint('Select the nodes to run to on the canvas first: only what they need runs.')
      return
    }
    setHint(page.start(toSelected ? ids : undefined))
  }
  const focus = (issue: ApiIssue) => {
    if (issue.nodeId) page.editor.current?.focus([issue.nodeId])
  }
  return (
    <aside className="run-dock">
      <RunPanel
        doc={doc}
        estimate={page.estimate}
        selectedEstimate={page.selectedEstimate}
        view={run.view}
        refusal={run.refusal}
        starting={run.starting}
        offline={offline}
        budget={page.budget}
        hint={hint}
        onBudget={page.setBudget}
        onRun={onRun}
        onCancel={() => void run.cancel()}
        onIssue={focus}
        decision={run.decision}
        onDecide={(submitAgain) => void run.decide(submitAgain)}
      />
      {page.outputs.length > 0 ? (
        <ul className="run-outputs" data-testid="run-outputs">
          {page.outputs.map((output) => (
            <li key={output.nodeId}>
              <a href={output.url} download={output.fileName}>
                {output.fileName}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      {going ? (
        <button type="button" onClick={() => run.show(going.id)} data-testid="show-running">
          A run of this workflow is going: show it
        </button>
      ) : null}
      <h3 className="run-dock-title">Runs</h3>
      <RunHistory
        runs={run.history}
        shownId={run.view?.runId}
        shownStatus={run.view && !isLive(run.view) ? run.view.status : undefined}
        onShow={run.show}
      />
    </aside>
  )
}
