import type { StoredEvent } from '@shotchain/runs'

export type { StoredEvent }

export type EventListener = (stored: StoredEvent) => void

/** Live run events, fanned out to the subscribers of that run only. */
export interface EventHub {
  /** Delivers `stored` synchronously to every subscriber of `runId`. */
  publish(runId: string, stored: StoredEvent): void
  /** Returns the function that unsubscribes. */
  subscribe(runId: string, listener: EventListener): () => void
  /** How many subscribers a run has (for tests and status). */
  subscribers(runId: string): number
}

/** Creates an empty hub. A listener that throws is dropped; the others still get the event. */
export function createEventHub(onListenerError: (error: unknown) => void = () => {}): EventHub {
  const byRun = new Map<string, Set<EventListener>>()
  return {
    publish(runId, stored) {
      for (const listener of byRun.get(runId) ?? []) {
        try {
          listener(stored)
        } catch (error) {
          byRun.get(runId)?.delete(listener)
          onListenerError(error)
        }
      }
    },
    subscribe(runId, listener) {
      let set = byRun.get(runId)
      if (set === undefined) {
        set = new Set()
        byRun.set(runId, set)
      }
      set.add(listener)
      return () => {
        const current = byRun.get(runId)
        current?.delete(listener)
        if (current?.size === 0) byRun.delete(runId)
      }
    },
    subscribers: (runId) => byRun.get(runId)?.size ?? 0,
  }
}
