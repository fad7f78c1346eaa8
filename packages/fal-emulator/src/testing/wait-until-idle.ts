import type { FalEmulator } from '../server/start-fal-emulator.ts'

/** Resolves once no job is queued or running, so leftovers of one test cannot bill in the next. */
export async function waitUntilIdle(emulator: FalEmulator, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const { queued, running } = emulator.stats().active
    if (queued === 0 && running === 0) return
    if (Date.now() > deadline)
      throw new Error(`emulator still busy: ${queued} queued, ${running} running`)
    await new Promise((r) => setTimeout(r, 10))
  }
}
