import { ROUTE_NAMES, type RouteName } from '../config/knobs.ts'

/** Counters a test reads to prove what happened, e.g. that a job was paid for once. */
export interface EmulatorStats {
  /** Submits that created a job, per full endpoint id. */
  submits: Record<string, number>
  /** Jobs that ran to the end (success or model error), per endpoint id. */
  completed: Record<string, number>
  /** Of the completed jobs, those whose result is an error (e.g. 422), per endpoint id. */
  failed: Record<string, number>
  /**
   * Cancels accepted (202) per endpoint id, of queued or running jobs. A running job cancelled
   * without `immediateCancel` also counts as completed and billed when it finishes, like at fal.
   */
  cancelled: Record<string, number>
  /** Jobs fal would bill, per endpoint id: those that completed with a result (not an error). */
  billed: Record<string, number>
  /** Seconds of output billed per endpoint id (of the billed jobs). */
  billedSeconds: Record<string, number>
  /**
   * US dollars billed per endpoint id (of the billed jobs), by the fal catalog's price of each
   * request, in whole micro-dollars — what the engine's estimate of the same params says.
   */
  billedUsd: Record<string, number>
  /** Requests that reached each route, faults included. */
  requests: Record<RouteName, number>
  /** Faults injected per route. */
  faults: Record<RouteName, number>
  /** Webhook deliveries that got a 2xx, and those that gave up. */
  webhooks: { delivered: number; failed: number }
  totals: {
    submits: number
    completed: number
    failed: number
    cancelled: number
    billed: number
    billedSeconds: number
    billedUsd: number
  }
  /** Jobs waiting and running at the time of the snapshot (not reset by `resetStats`). */
  active: { queued: number; running: number }
}

type PerEndpoint =
  | 'submits'
  | 'completed'
  | 'failed'
  | 'cancelled'
  | 'billed'
  | 'billedSeconds'
  | 'billedUsd'

/** The mutable counters behind `stats()`. */
export interface StatsRecorder {
  add(counter: PerEndpoint, endpointId: string, amount?: number): void
  request(route: RouteName): void
  fault(route: RouteName): void
  webhook(delivered: boolean): void
  /** A deep copy with totals filled in, and the current queue gauges. */
  snapshot(active: EmulatorStats['active']): EmulatorStats
  reset(): void
}

function perRoute(): Record<RouteName, number> {
  return Object.fromEntries(ROUTE_NAMES.map((r) => [r, 0])) as Record<RouteName, number>
}

function sum(record: Record<string, number>): number {
  return Object.values(record).reduce((a, b) => a + b, 0)
}

/** Dollars in whole micro-dollars, so a sum of prices reads as they do (0.252, not 0.25200000000000006). */
function micro(usd: number): number {
  return Math.round(usd * 1e6) / 1e6
}

/** Creates zeroed counters. */
export function createStatsRecorder(): StatsRecorder {
  const fresh = () => ({
    submits: {} as Record<string, number>,
    completed: {} as Record<string, number>,
    failed: {} as Record<string, number>,
    cancelled: {} as Record<string, number>,
    billed: {} as Record<string, number>,
    billedSeconds: {} as Record<string, number>,
    billedUsd: {} as Record<string, number>,
    requests: perRoute(),
    faults: perRoute(),
    webhooks: { delivered: 0, failed: 0 },
  })
  let state = fresh()
  return {
    add(counter, endpointId, amount = 1) {
      const record = state[counter]
      record[endpointId] = (record[endpointId] ?? 0) + amount
    },
    request(route) {
      state.requests[route]++
    },
    fault(route) {
      state.faults[route]++
    },
    webhook(delivered) {
      if (delivered) state.webhooks.delivered++
      else state.webhooks.failed++
    },
    snapshot(active) {
      const copy = structuredClone(state)
      const billedUsd = Object.fromEntries(
        Object.entries(copy.billedUsd).map(([id, usd]) => [id, micro(usd)]),
      )
      return {
        ...copy,
        billedUsd,
        active: { ...active },
        totals: {
          submits: sum(copy.submits),
          completed: sum(copy.completed),
          failed: sum(copy.failed),
          cancelled: sum(copy.cancelled),
          billed: sum(copy.billed),
          billedSeconds: sum(copy.billedSeconds),
          billedUsd: micro(sum(copy.billedUsd)),
        },
      }
    },
    reset() {
      state = fresh()
    },
  }
}
