import type { Issue } from '@shotchain/graph'
import type { RunPage } from '../run/use-run-page.ts'
import { RunHistory } from './RunHistory.tsx'
import { RunPanel } from './RunPanel.tsx'

interface RunDockProps {
  readonly page: RunPage
  readonly offline: boolean
  readonly selected: () => readonly string[]
}

/** The side panel: the run panel over this workflow's run history. */
export function RunDock({ page, offline, selected }: RunDockProps) {
  const { run } = page
  const focus = (issue: Issue) => {
    if (issue.nodeId) page.editor.current?.focus([issue.nodeId])
  }
  return (
    <aside className="run-dock">
      <RunPanel
        estimate={page.estimate}
        view={run.view}
        refusal={run.refusal}
        starting={run.starting}
        offline={offline}
        budget={page.budget}
        selectedCount={1}
        onBudget={page.setBudget}
        onRun={(toSelected) => page.start(toSelected ? selected() : undefined)}
        onCancel={() => void run.cancel()}
        onIssue={focus}
      />
      <h3 className="run-dock-title">Runs</h3>
      <RunHistory runs={run.history} shownId={run.view?.runId} onShow={run.show} />
    </aside>
  )
}
