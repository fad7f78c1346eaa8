import type { FalErrorDetail } from '../endpoints/fal-errors.ts'

/** The emulator's routes that can be made to fail, named as in the knobs and the stats. */
export const ROUTE_NAMES = [
  'submit',
  'status',
  'stream',
  'result',
  'cancel',
  'upload-initiate',
  'upload-put',
  'cdn',
] as const

/** One of {@link ROUTE_NAMES}. */
export type RouteName = (typeof ROUTE_NAMES)[number]

/**
 * An injected failure. A number answers with that HTTP status and a fal-style body;
 * `dropBefore` destroys the socket before the request is handled; `dropAfter` handles it
 * (a submit creates its job) and then destroys the socket instead of answering.
 */
export type FaultKind = 429 | 500 | 502 | 503 | 504 | 'dropBefore' | 'dropAfter'

/** Probability in [0, 1] of each fault on one route; their sum should not exceed 1. */
export type FailureRates = Partial<Record<FaultKind, number>>

/** A fault that hits the next `times` (default 1) requests of a route, before any rate applies. */
export interface ScriptedFault {
  readonly route: RouteName
  readonly fault: FaultKind
  readonly times?: number
}

/** What tests and demos can tune, at start and later through `configure()`. */
export interface EmulatorKnobs {
  /** Least time every job spends IN_QUEUE, in ms. */
  queueLatencyMs: number
  /** Least time every job spends IN_PROGRESS, in ms (the real work may take longer). */
  runLatencyMs: number
  /** Jobs running at once over all endpoints; the rest wait IN_QUEUE (fal's default is 2). */
  concurrency: number
  /** Fault probabilities per route, drawn from a PRNG seeded by `seed`. */
  failures: Partial<Record<RouteName, FailureRates>>
  /** Deterministic faults consumed in order before the rates are consulted. */
  faultScript: ScriptedFault[]
  /** Seed of the fault PRNG; setting it (again) restarts every route's sequence. */
  seed: number
  /** The next N submitted jobs finish with a 422 instead of running. */
  force422: number
  /** The `detail` entries of a forced 422; default: `start_image_url` could not be loaded. */
  force422Detail: FalErrorDetail[] | undefined
  /**
   * Answer 401 to queue and upload-initiate calls without `Authorization: Key …` (with an
   * `apiKey`, without that key), like fal. On by default; tests that send no key turn it off.
   */
  requireAuth: boolean
  /**
   * What a cancel does to a running job. Off (default, like fal): the runner is only signalled,
   * the job goes on to COMPLETED with its result and is billed. On: it ends at once, unbilled.
   * A queued job is always removed.
   */
  immediateCancel: boolean
  /** Long side in px of generated videos; the start image's aspect ratio is kept. */
  videoLongSide: number
  /** Frame rate of generated videos. */
  videoFps: number
  /** How long the emulator waits for an input URL, like fal's 20 s download timeout. */
  downloadTimeoutMs: number
}

/** Knobs as given by a caller: any subset. */
export type KnobsInput = Partial<EmulatorKnobs>

/** Defaults: short enough for a demo to feel alive, long enough to show queue and logs. */
export const DEFAULT_KNOBS: EmulatorKnobs = {
  queueLatencyMs: 300,
  runLatencyMs: 1500,
  concurrency: 2,
  failures: {},
  faultScript: [],
  seed: 1,
  force422: 0,
  force422Detail: undefined,
  requireAuth: true,
  immediateCancel: false,
  videoLongSide: 1280,
  videoFps: 24,
  downloadTimeoutMs: 20_000,
}

/** Returns `base` with the given knobs replaced; throws a RangeError for impossible values. */
export function mergeKnobs(base: EmulatorKnobs, input: KnobsInput): EmulatorKnobs {
  const next: EmulatorKnobs = { ...base }
  for (const [key, value] of Object.entries(input) as [keyof EmulatorKnobs, unknown][]) {
    if (value !== undefined) Object.assign(next, { [key]: value })
  }
  for (const key of ['queueLatencyMs', 'runLatencyMs', 'force422', 'downloadTimeoutMs'] as const) {
    if (!(Number.isFinite(next[key]) && next[key] >= 0)) {
      throw new RangeError(`${key} must be a number ≥ 0, got ${String(next[key])}`)
    }
  }
  for (const key of ['concurrency', 'videoLongSide', 'videoFps'] as const) {
    if (!(Number.isInteger(next[key]) && next[key] >= 1)) {
      throw new RangeError(`${key} must be an integer ≥ 1, got ${String(next[key])}`)
    }
  }
  return next
}
