import {
  emptyRunState,
  foldRunEvent,
  type RunEvent,
  type RunPlan,
  type RunState,
} from '@shotchain/engine'
import { createLogUpdate } from 'log-update'
import type { TerminalStream } from '../cli-io.ts'
import { type NodeFacts, renderLiveView } from './render-live-view.ts'

/** A run's live view on a terminal. */
export interface LiveView {
  /** Takes the run's events in order; the view redraws on each and stops at `run-finished`. */
  readonly show: (event: RunEvent) => void
  /** Stops redrawing and leaves the last frame on screen. Safe to call more than once. */
  readonly close: () => void
}

export interface LiveViewOptions {
  readonly terminal: TerminalStream
  readonly plan: RunPlan
  readonly falMode: 'fal' | 'emulator'
  /** Ctrl+C: the view says it is cancelling until the run ends. */
  readonly signal: AbortSignal
  /** The run's clock; `Date.now` by default. */
  readonly now?: () => number
  /** How often the elapsed times and the spinner move, in ms. */
  readonly tickMs?: number
}

/**
 * Draws the run on `terminal` and redraws it in place (through log-update) on every event and
 * every tick. The state is engine's fold ({@link foldRunEvent}), the lines {@link renderLiveView}'s:
 * this is only the glue between them, a timer and the terminal.
 */
export function startLiveView(options: LiveViewOptions): LiveView {
  const { terminal, plan, falMode, signal, now = Date.now, tickMs = 100 } = options
  const facts = new Map<string, NodeFacts>(
    plan.nodes.map((n) => [n.id, { type: n.spec.type, estimateUsd: n.costUsd }]),
  )
  const draw = createLogUpdate(terminal)
  let run: RunState = emptyRunState()
  let closed = false
  const redraw = () => {
    if (closed || run.status === 'starting') return
    const frame = { run, facts, now: now(), falMode, cancelling: signal.aborted }
    draw(renderLiveView({ ...frame, columns: terminal.columns ?? 80 }).join('\n'))
  }
  const timer = setInterval(redraw, tickMs)
  // The run itself keeps the process alive; a view left open by a bug must not.
  timer.unref()
  signal.addEventListener('abort', redraw)
  const close = () => {
    if (closed) return
    redraw()
    closed = true
    clearInterval(timer)
    signal.removeEventListener('abort', redraw)
    draw.done()
  }
  return {
    show(event) {
      run = foldRunEvent(run, event)
      if (event.type === 'run-finished') close()
      else redraw()
    },
    close,
  }
}
