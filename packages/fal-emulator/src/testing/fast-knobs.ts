import type { FalEmulatorOptions } from '../server/start-fal-emulator.ts'

/** Knobs that keep a test suite fast: ms-scale latencies and tiny videos. */
export const FAST_KNOBS: FalEmulatorOptions = {
  queueLatencyMs: 20,
  runLatencyMs: 60,
  videoLongSide: 96,
  videoFps: 12,
}
