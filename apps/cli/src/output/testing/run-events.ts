import type { RunEvent, RunEventBody } from '@shotchain/engine'

/**
 * Stamps event bodies as the engine does (run id, 1, 2, 3… and a clock), for tests that fold
 * or print a run: `[at, body]` pairs, `at` in ms since the run started at 1000.
 */
export function stampEvents(bodies: readonly (readonly [number, RunEventBody])[]): RunEvent[] {
  return bodies.map(
    ([at, body], i) => ({ ...body, runId: 'run-1', seq: i + 1, at: 1000 + at }) as RunEvent,
  )
}

/** A `run-started` body with an estimate of `usd` (nothing resumed or waiting). */
export function runStarted(nodes: {
  readonly toRun: readonly string[]
  readonly cached?: readonly string[]
  readonly reused?: readonly string[]
  readonly usd?: number
}): RunEventBody {
  const { toRun, cached = [], reused = [], usd = 0 } = nodes
  const counts = { run: toRun.length, cached: cached.length, reused: reused.length }
  const estimate = { ...counts, resumed: 0, needsDecision: 0, unknownPrice: 0, usd, resumedUsd: 0 }
  return { type: 'run-started', targets: [], toRun, cached, reused, estimate }
}

/** A `node-submitted` body: its request was accepted at `costUsd`. */
export function submitted(nodeId: string, requestId: string, costUsd: number): RunEventBody {
  return { type: 'node-submitted', nodeId, requestId, costUsd }
}

/**
 * A run of two shots on fal (the second waits in fal's queue, then fails), a prompt, a cached
 * image and a sequence that is skipped.
 */
export const TWO_SHOT_RUN: RunEvent[] = stampEvents([
  [
    0,
    runStarted({ toRun: ['prompt', 'shot1', 'shot2', 'sequence'], cached: ['image'], usd: 0.84 }),
  ],
  [0, { type: 'node-cached', nodeId: 'image', outputs: {} }],
  [1, { type: 'node-queued', nodeId: 'prompt' }],
  [2, { type: 'node-started', nodeId: 'prompt' }],
  [3, { type: 'node-succeeded', nodeId: 'prompt', outputs: {}, costUsd: 0 }],
  [4, { type: 'node-queued', nodeId: 'shot1' }],
  [4, { type: 'node-queued', nodeId: 'shot2' }],
  [5, { type: 'node-started', nodeId: 'shot1' }],
  [6, { type: 'node-started', nodeId: 'shot2', resumeRequestId: 'req-old' }],
  [300, submitted('shot1', 'req-1', 0.42)],
  [
    800,
    { type: 'node-progress', nodeId: 'shot1', progress: { status: 'queued', queuePosition: 3 } },
  ],
  [
    900,
    { type: 'node-progress', nodeId: 'shot2', progress: { status: 'queued', queuePosition: 1 } },
  ],
  [
    1800,
    { type: 'node-progress', nodeId: 'shot1', progress: { status: 'queued', queuePosition: 3 } },
  ],
  [
    2800,
    {
      type: 'node-progress',
      nodeId: 'shot1',
      progress: { status: 'running', logs: ['loading model', 'sampling'] },
    },
  ],
  [40_000, { type: 'node-succeeded', nodeId: 'shot1', outputs: { video: 'v1' }, costUsd: 0.42 }],
  [
    41_000,
    {
      type: 'node-failed',
      nodeId: 'shot2',
      error: { code: 'validation', message: 'the image is too small', field: 'start' },
    },
  ],
  [
    41_000,
    {
      type: 'node-skipped',
      nodeId: 'sequence',
      reason: 'needs the result of "shot2", which failed',
      causeNodeId: 'shot2',
    },
  ],
  [
    41_100,
    {
      type: 'run-finished',
      status: 'failed',
      spentUsd: 0.42,
      counts: { succeeded: 2, cached: 1, failed: 1, skipped: 1, cancelled: 0 },
    },
  ],
])
