import { useEffect, useState } from 'react'
import type { NodeRunStatus } from '../editor-props.ts'

const LABELS: Record<NodeRunStatus['state'], string> = {
  queued: 'Queued',
  running: 'Running',
  cached: 'Cached',
  succeeded: 'Succeeded',
  failed: 'Failed',
  skipped: 'Skipped',
  cancelled: 'Cancelled',
  stale: 'Changed',
  invalid: 'Invalid',
}

/** The node's run state in its header, with the time since it started while it runs. */
export function RunBadge({ status }: { status: NodeRunStatus }) {
  return (
    <span className={`sc-run-badge is-${status.state}`} data-testid="run-state">
      {LABELS[status.state]}
      {status.state === 'running' && status.since !== undefined ? (
        <>
          {' '}
          <Elapsed since={status.since} />
        </>
      ) : null}
    </span>
  )
}

/** m:ss since `since`, ticking once a second. */
export function Elapsed({ since }: { since: number }) {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(timer)
  }, [])
  const seconds = Math.max(0, Math.floor((now - since) / 1000))
  return (
    <span className="sc-elapsed">
      {Math.floor(seconds / 60)}:{String(seconds % 60).padStart(2, '0')}
    </span>
  )
}
