import {
  countNodeStatuses,
  type NodeState,
  type NodeStatus,
  type RunState,
} from '@shotchain/engine'
import { usdText } from '@shotchain/graph'
import { describeRunEnd, stampOf } from './progress-view.ts'

/** What the plan knows of a node and its events do not say. */
export interface NodeFacts {
  readonly type: string
  /** What the plan expects it to cost (0 for free nodes). */
  readonly estimateUsd: number
}

/** Everything one frame of the live view is drawn from. */
export interface LiveFrame {
  readonly run: RunState
  readonly facts: ReadonlyMap<string, NodeFacts>
  /** The run's clock now (ms): elapsed times, the spinner and the sweeping bar move with it. */
  readonly now: number
  /** The terminal's width: no node line is longer. */
  readonly columns: number
  readonly falMode: 'fal' | 'emulator'
  /** Ctrl+C was pressed and the run is not over yet. */
  readonly cancelling: boolean
}

/** Inner width of a progress bar. */
const BAR = 10
const SWEEP = 3
/**
 * The total line's counts, in this order; cached nodes are counted apart, and a submitted node
 * (a paid job at fal) counts as running.
 */
const TOTAL_ORDER: readonly Exclude<NodeStatus, 'submitted'>[] = [
  'succeeded',
  'running',
  'queued',
  'waiting',
  'failed',
  'skipped',
  'cancelled',
]
const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏']
const SYMBOL: Readonly<Record<Exclude<NodeStatus, 'running' | 'submitted'>, string>> = {
  waiting: '·',
  queued: '·',
  succeeded: '✔',
  cached: '✔',
  failed: '✖',
  skipped: '↷',
  cancelled: '⊘',
}

/**
 * The live view as lines: one per node that does work in the run (state, progress bar,
 * elapsed time, cost, latest log), then a total line. A bar fills only when the node reported
 * how far along it is; a job that did not (fal's queue reports a position, never a percentage)
 * gets a bar that sweeps while it runs, next to how long it has been running.
 */
export function renderLiveView(frame: LiveFrame): string[] {
  // Node lines are cut to the terminal's width, so a long log line cannot make the frame jump;
  // the total line wraps rather than lose what it says.
  const lines = frame.run.working.map((id) =>
    fit(nodeLine(id, frame.run.nodes.get(id) ?? { status: 'waiting' }, frame), frame.columns),
  )
  lines.push(totalLine(frame))
  if (frame.cancelling && !isOver(frame.run))
    lines.push('cancelling: asking fal to cancel running jobs (Ctrl+C again to quit at once)')
  return lines
}

function nodeLine(id: string, node: NodeState, frame: LiveFrame): string {
  const facts = frame.facts.get(id)
  const symbol =
    node.status === 'running' || node.status === 'submitted'
      ? spinner(frame.now)
      : SYMBOL[node.status]
  const cells = [
    `${symbol} ${id.padEnd(14)} ${(facts?.type ?? '').padEnd(14)}`,
    stateLabel(node).padEnd(16),
    bar(node, frame.now),
    elapsedOf(node, frame.now).padStart(6),
    costOf(node, facts).padStart(6),
    detailOf(node),
  ]
  return cells.join(' ').trimEnd()
}

function stateLabel(node: NodeState): string {
  switch (node.status) {
    case 'running':
    case 'submitted':
      if (node.fal?.status === 'queued') return "in fal's queue"
      if (node.fal?.status === 'running') return 'running at fal'
      if (node.resumeRequestId) return 're-attaching'
      return node.requestId ? 'submitted' : 'running'
    case 'cached':
      return node.reuseOf ? 'reused' : 'cached'
    default:
      return node.status
  }
}

function bar(node: NodeState, now: number): string {
  switch (node.status) {
    case 'waiting':
    case 'failed':
    case 'skipped':
    case 'cancelled':
      return ' '.repeat(BAR + 2)
    case 'queued':
      return `[${' '.repeat(BAR)}]`
    case 'succeeded':
    case 'cached':
      return `[${'='.repeat(BAR)}]`
    case 'running':
    case 'submitted': {
      if (node.fraction !== undefined) {
        const filled = Math.round(node.fraction * BAR)
        return `[${'='.repeat(filled)}${' '.repeat(BAR - filled)}]`
      }
      if (node.fal?.status === 'queued') return `[${' '.repeat(BAR)}]`
      // No basis for a fraction: a block that sweeps back and forth, so it shows life, not a %.
      const steps = BAR - SWEEP
      const tick = Math.floor(Math.max(0, now - (node.startedAt ?? now)) / 150) % (2 * steps)
      const at = tick <= steps ? tick : 2 * steps - tick
      return `[${' '.repeat(at)}${'='.repeat(SWEEP)}${' '.repeat(steps - at)}]`
    }
  }
}

function elapsedOf(node: NodeState, now: number): string {
  if (node.startedAt === undefined) return ''
  return formatDuration((node.endedAt ?? (isAtWork(node) ? now : node.startedAt)) - node.startedAt)
}

function costOf(node: NodeState, facts: NodeFacts | undefined): string {
  // Submitted: what its submit committed, paid whatever happens next.
  if (node.costUsd !== undefined) return node.costUsd ? usdText(node.costUsd) : ''
  if (node.status === 'succeeded') return ''
  const expected = facts?.estimateUsd ?? 0
  const pending = node.status === 'waiting' || node.status === 'queued' || isAtWork(node)
  return pending && expected > 0 ? `~${usdText(expected)}` : ''
}

function detailOf(node: NodeState): string {
  switch (node.status) {
    case 'running':
    case 'submitted': {
      const position =
        node.fal?.status === 'queued' ? `position ${node.fal.queuePosition ?? '?'}` : undefined
      const percent =
        node.fraction === undefined ? undefined : `${Math.round(node.fraction * 100)}%`
      const request = node.resumeRequestId
        ? `request ${node.resumeRequestId} (already paid)`
        : node.requestId && `request ${node.requestId}`
      return [position, percent, node.log ?? request].filter(Boolean).join(', ')
    }
    case 'cached':
      return node.reuseOf ? `same work as ${node.reuseOf}` : ''
    case 'failed':
      return `${node.error?.field ? `(field ${node.error.field}) ` : ''}${node.error?.message ?? ''}`
    case 'skipped':
      return node.reason ?? ''
    default:
      return ''
  }
}

function totalLine(frame: LiveFrame): string {
  const { run, now, falMode } = frame
  const stamp = stampOf((run.endedAt ?? now) - (run.startedAt ?? now))
  if (run.counts && run.status !== 'starting' && run.status !== 'running') {
    return `${stamp} ${describeRunEnd({ status: run.status, counts: run.counts, spentUsd: run.spentUsd }, falMode)}`
  }
  const byStatus = countNodeStatuses(run, run.working)
  const counts = { ...byStatus, running: byStatus.running + byStatus.submitted }
  const parts = TOTAL_ORDER.filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${s}`)
  // As the engine counts them: from the cache, from an identical node, from another execution.
  const cachedCount = run.nodes.size - run.working.length + counts.cached
  const cached = cachedCount > 0 ? `; ${cachedCount} cached` : ''
  const billed = falMode === 'fal' ? '' : ' (emulated: nothing billed)'
  return (
    `${stamp} ${run.working.length} to run: ${parts.join(', ') || 'none'}${cached}; ` +
    `spent $${run.spentUsd.toFixed(2)} of ~$${run.estimateUsd.toFixed(2)}${billed}`
  )
}

/** Running here or at fal: a submitted job is still running, paid. */
function isAtWork(node: NodeState): boolean {
  return node.status === 'running' || node.status === 'submitted'
}

function isOver(run: RunState): boolean {
  return run.status !== 'starting' && run.status !== 'running'
}

function spinner(now: number): string {
  return SPINNER[Math.floor(now / 100) % SPINNER.length] as string
}

/** `4.2s`, `1m05s`, `1h02m`. */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, ms) / 1000
  if (seconds < 60) return `${seconds.toFixed(1)}s`
  const whole = Math.floor(seconds)
  if (whole < 3600) return `${Math.floor(whole / 60)}m${String(whole % 60).padStart(2, '0')}s`
  return `${Math.floor(whole / 3600)}h${String(Math.floor(whole / 60) % 60).padStart(2, '0')}m`
}

/** Cuts a line to the terminal's width (counting code points), marking the cut with `…`. */
function fit(line: string, columns: number): string {
  const chars = [...line]
  return chars.length <= columns ? line : `${chars.slice(0, Math.max(0, columns - 1)).join('')}…`
}
