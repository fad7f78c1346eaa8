import type { ApiIssue } from '@shotchain/api'
import type { WorkflowDocument } from '@shotchain/graph'
import { useId } from 'react'
import { registry } from '../registry.ts'
import { estimateSummary } from '../run/estimate-summary.ts'
import { nodesAtFault } from '../run/refusal-nodes.ts'
import type { RunRefusal } from '../run/run-api.ts'
import { runButtonLabel } from '../run/run-label.ts'
import { runProgress } from '../run/run-progress.ts'
import { isLive, type RunView } from '../run/run-view.ts'
import type { EstimateState } from '../run/use-estimate.ts'

interface RunPanelProps {
  /** The open workflow: which of a run's nodes are shots. */
  readonly doc: WorkflowDocument
  readonly estimate: EstimateState
  /** What Run to selected would do for the nodes selected now. */
  readonly selectedEstimate: EstimateState
  readonly view: RunView | undefined
  readonly refusal: RunRefusal | undefined
  readonly starting: boolean
  readonly offline: boolean
  readonly budget: string
  /** A note from the panel itself (e.g. Run to selected with nothing selected). */
  readonly hint: string | undefined
  readonly onBudget: (value: string) => void
  readonly onRun: (toSelected: boolean) => void
  readonly onCancel: () => void
  readonly onIssue: (issue: ApiIssue) => void
  /** Nodes waiting for a person's decision (see RunControl.decision). */
  readonly decision: readonly string[] | undefined
  readonly onDecide: (submitAgain: boolean) => void
}

/** The estimate before a run, the budget, Run / Run to selected / Cancel, and why a run was refused. */
export function RunPanel(props: RunPanelProps) {
  const { estimate, view, refusal } = props
  const live = isLive(view)
  const estimateRefusal = estimate.kind === 'refused' ? estimate.refusal : undefined
  // Problems on nodes are said on the nodes; the estimate line points at them, so a refused run
  // for the same problems adds nothing.
  const pointed = estimateRefusal !== undefined && nodesAtFault(estimateRefusal).length > 0
  const shownRefusal =
    refusal && !(pointed && nodesAtFault(refusal).length > 0) ? refusal : undefined
  const label = runButtonLabel(estimate, props.starting)
  const estimateId = useId()
  return (
    <section className="run-panel" aria-label="Run" data-testid="run-panel">
      {props.offline ? (
        <p className="run-offline" data-testid="offline-banner">
          Offline emulator: no <code>FAL_KEY</code>, so runs are simulated and nothing is billed.
        </p>
      ) : null}
      <p className="run-estimate" id={estimateId} data-testid="estimate" hidden={live}>
        {estimate.kind === 'ready' ? (
          estimateSummary(estimate.doc, registry, estimate.estimate)
        ) : estimate.kind === 'none' ? (
          estimate.reason
        ) : pointed ? (
          <>
            Cannot run yet: fix what is marked on{' '}
            <NodeLinks refusal={estimate.refusal} onIssue={props.onIssue} />
          </>
        ) : (
          `Cannot run yet: ${estimate.refusal.message}`
        )}
      </p>
      {!live && props.selectedEstimate.kind !== 'none' ? (
        <p className="run-estimate-selected" data-testid="estimate-selected">
          Run to selected:{' '}
          {props.selectedEstimate.kind === 'ready'
            ? props.selectedEstimate.estimate.toRun.length === 0
              ? 'all cached, costs nothing'
              : estimateSummary(
                  props.selectedEstimate.doc,
                  registry,
                  props.selectedEstimate.estimate,
                )
            : `cannot run yet: ${props.selectedEstimate.refusal.message}`}
        </p>
      ) : null}
      <div className="run-actions">
        <label className="run-budget">
          Budget $
          <input
            inputMode="decimal"
            placeholder="none"
            value={props.budget}
            data-testid="budget"
            onChange={(e) => props.onBudget(e.target.value)}
          />
        </label>
        <button
          type="button"
          className="primary"
          disabled={live || props.starting || label.refused}
          aria-describedby={label.refused ? estimateId : undefined}
          onClick={() => props.onRun(false)}
          data-testid="run"
          title="Run (Ctrl+Enter)"
        >
          {label.text}
        </button>
        <button
          type="button"
          disabled={live || props.starting}
          onClick={() => props.onRun(true)}
          data-testid="run-selected"
          title="Run only what the selected nodes need"
        >
          Run to selected
        </button>
        <button type="button" disabled={!live} onClick={props.onCancel} data-testid="cancel">
          Cancel
        </button>
      </div>
      {props.hint ? <p className="run-hint">{props.hint}</p> : null}
      {view ? <RunLine view={view} doc={props.doc} waiting={props.decision !== undefined} /> : null}
      {props.decision ? <Decision nodeIds={props.decision} onDecide={props.onDecide} /> : null}
      {shownRefusal ? <Refusal refusal={shownRefusal} onIssue={props.onIssue} /> : null}
      {estimateRefusal && !refusal && !pointed ? (
        <Refusal refusal={estimateRefusal} onIssue={props.onIssue} />
      ) : null}
    </section>
  )
}

function RunLine(props: { view: RunView; doc: WorkflowDocument; waiting: boolean }) {
  const { view, waiting } = props
  const paid = view.spentUsd > 0 ? `, spent $${view.spentUsd.toFixed(2)} so far` : ''
  const text = waiting
    ? `Waiting for your decision (below)${paid}`
    : isLive(view)
      ? runProgress(view, props.doc, registry)
      : `Last run ${view.status}${view.spentUsd > 0 ? `, spent $${view.spentUsd.toFixed(2)}` : ', nothing paid'}`
  return (
    <p className={`run-line is-${view.status}`} data-testid="run-status">
      {text}
    </p>
  )
}

interface RefusalProps {
  readonly refusal: RunRefusal
  readonly onIssue: (issue: ApiIssue) => void
}

/** Buttons that select the nodes a refusal's errors are on ("shot2, image"). */
function NodeLinks({ refusal, onIssue }: RefusalProps) {
  return nodesAtFault(refusal).map((id, k) => (
    <span key={id}>
      {k > 0 ? ', ' : ''}
      <button
        type="button"
        className="run-node-link"
        onClick={() => onIssue(findIssue(refusal, id))}
      >
        {id}
      </button>
    </span>
  ))
}

const findIssue = (refusal: RunRefusal, nodeId: string) =>
  refusal.issues.find((i) => i.nodeId === nodeId) as ApiIssue

/**
 * Why a run was refused. Problems on nodes are shown on the nodes, in their words: here they are
 * pointed at, not repeated (with the server's paths); other issues are listed by their message.
 */
function Refusal({ refusal, onIssue }: RefusalProps) {
  const onNodes = nodesAtFault(refusal)
  const elsewhere = refusal.issues.filter((i) => i.nodeId === undefined)
  return (
    <div className="run-refusal" role="alert" data-testid="run-refusal">
      {onNodes.length > 0 ? (
        <p>
          Not run: fix what is marked on <NodeLinks refusal={refusal} onIssue={onIssue} />
        </p>
      ) : (
        <p>{refusal.message}</p>
      )}
      {onNodes.length > 0 && elsewhere.length > 0 ? (
        <ul>
          {elsewhere.map((issue) => (
            <li key={`${issue.path}:${issue.message}`}>{issue.message}</li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}

/** The question a run stops on when a paid submit may or may not have reached fal. */
function Decision(props: { nodeIds: readonly string[]; onDecide: (submitAgain: boolean) => void }) {
  const which = props.nodeIds.join(', ')
  return (
    <div className="run-refusal" role="alert" data-testid="run-decision">
      <p>
        The connection dropped while {which} {props.nodeIds.length === 1 ? 'was' : 'were'} being
        submitted to fal: it may have reached fal (and be paid for) or not. Submitting again may pay
        twice; cancelling may lose a paid clip. Check your fal dashboard if unsure.
      </p>
      <button type="button" onClick={() => props.onDecide(true)} data-testid="decide-resubmit">
        Submit again
      </button>{' '}
      <button type="button" onClick={() => props.onDecide(false)} data-testid="decide-cancel">
        Cancel the run
      </button>
    </div>
  )
}
