import type { NodeRunStatus } from '../editor-props.ts'
import { createKeyedListeners } from './listeners.ts'

/** Each node's state in the run the app shows, listened to per node. */
export function createRunStatus() {
  const listeners = createKeyedListeners()
  let statuses: ReadonlyMap<string, NodeRunStatus> = new Map()
  return {
    /** Takes the run states to show; only nodes whose state changed hear about it. */
    setRunStatus(next: ReadonlyMap<string, NodeRunStatus>) {
      const previous = statuses
      statuses = next
      for (const id of new Set([...previous.keys(), ...next.keys()])) {
        if (!sameStatus(previous.get(id), next.get(id))) listeners.emit(id)
      }
    },
    /** The node's state, or undefined when the run does not name it. */
    runStatus: (id: string) => statuses.get(id),
    /** Calls `listener` when the node's state changes; returns the unsubscribe. */
    onRunStatus: (id: string, listener: () => void) => listeners.on(id, listener),
  }
}

function sameStatus(a: NodeRunStatus | undefined, b: NodeRunStatus | undefined): boolean {
  if (a === b) return true
  if (a === undefined || b === undefined) return false
  const images = (s: NodeRunStatus) => JSON.stringify(s.inputImages ?? {})
  return (
    a.state === b.state &&
    a.detail === b.detail &&
    a.since === b.since &&
    a.field === b.field &&
    a.videoUrl === b.videoUrl &&
    a.imageUrl === b.imageUrl &&
    images(a) === images(b)
  )
}
