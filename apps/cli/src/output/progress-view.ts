import type { RunCounts, RunEvent, RunStatus } from '@shotchain/engine'
import { usdText } from '@shotchain/graph'

/**
 * Turns run events into one line per change a person cares about: queued (with fal's queue
 * position), running (with the newest log line), cached, done (time, cost), failed, skipped,
 * cancelled. Every line starts with the time since the run started. For logs and pipes; a person
 * at a terminal gets the live view (live-view.ts).
 */
export function createProgressView(
  write: (line: string) => void,
  falMode: 'fal' | 'emulator',
): (event: RunEvent) => void {
  let startedAt = 0
  const begunAt = new Map<string, number>()
  const lastPosition = new Map<string, number | undefined>()
  const stamp = (at: number) => stampOf(at - startedAt)
  const line = (at: number, nodeId: string, text: string) =>
    write(`${stamp(at)} ${nodeId.padEnd(14)} ${text}`)
  return (event) => {
    switch (event.type) {
      case 'run-started':
        startedAt = event.at
        return
      case 'node-queued':
        return line(event.at, event.nodeId, 'queued')
      case 'node-started':
        begunAt.set(event.nodeId, event.at)
        return line(
          event.at,
          event.nodeId,
          event.resumeRequestId
            ? `re-attaching to fal request ${event.resumeRequestId}`
            : 'running',
        )
      case 'node-submitted':
        return line(event.at, event.nodeId, `submitted to fal, request ${event.requestId}`)
      case 'node-progress': {
        const { progress } = event
        if (
          progress.status === 'queued' &&
          lastPosition.get(event.nodeId) !== progress.queuePosition
        ) {
          lastPosition.set(event.nodeId, progress.queuePosition)
          line(
            event.at,
            event.nodeId,
            `waiting in fal's queue, position ${progress.queuePosition ?? '?'}`,
          )
        }
        for (const log of progress.logs ?? []) line(event.at, event.nodeId, `  ${log}`)
        return
      }
      case 'node-cached':
        return line(
          event.at,
          event.nodeId,
          event.reuseOf ? `same work as ${event.reuseOf}` : 'cached',
        )
      case 'node-succeeded': {
        const took = ((event.at - (begunAt.get(event.nodeId) ?? event.at)) / 1000).toFixed(1)
        const cost = event.costUsd > 0 ? `, ${usdText(event.costUsd)}` : ''
        return line(event.at, event.nodeId, `done in ${took}s${cost}`)
      }
      case 'node-failed': {
        const field = event.error.field ? ` (field ${event.error.field})` : ''
        return line(event.at, event.nodeId, `FAILED${field}: ${event.error.message}`)
      }
      case 'node-skipped':
        return line(event.at, event.nodeId, `skipped: ${event.reason}`)
      case 'node-cancelled':
        return line(event.at, event.nodeId, 'cancelled')
      case 'run-finished':
        return write(`${stamp(event.at)} ${describeRunEnd(event, falMode)}`)
    }
  }
}

/** How a run ended, in one line: `run succeeded: 3 ran, 1 cached, …; spent $0.84`. */
export function describeRunEnd(
  end: { readonly status: RunStatus; readonly counts: RunCounts; readonly spentUsd: number },
  falMode: 'fal' | 'emulator',
): string {
  const { status, counts, spentUsd } = end
  const billed = falMode === 'fal' ? '' : ' (emulated: nothing billed)'
  return (
    `run ${status}: ${counts.succeeded} ran, ${counts.cached} cached, ` +
    `${counts.failed} failed, ${counts.skipped} skipped, ${counts.cancelled} cancelled; ` +
    `spent $${spentUsd.toFixed(2)}${billed}`
  )
}

/** The time since a run started, as every progress line begins: `[  12.3s]`. */
export function stampOf(elapsedMs: number): string {
  return `[${(elapsedMs / 1000).toFixed(1).padStart(6)}s]`
}
