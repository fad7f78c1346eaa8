import { createFalGateway, createMemoryUploadCache, type FalGateway } from '@shotchain/fal'
import { emulatorFetch, type FalEmulator, startFalEmulator } from '@shotchain/fal-emulator'
import type { Store } from '@shotchain/store'
import type { FalTarget } from './fal-target.ts'

const refuseFetch = (() =>
  Promise.reject(new Error('this command does not call fal'))) as typeof fetch

/** A gateway to the fal a process talks to, and the emulator it started for it, if any. */
export interface FalConnection {
  readonly gateway: FalGateway
  /** The emulator started in this process (no key, no emulator url), to stop with the connection. */
  readonly emulator: FalEmulator | undefined
  /** Stops the embedded emulator, if any. Safe to call twice. */
  close(): Promise<void>
}

/**
 * Connects to `target`: real fal with its key (uploads remembered in the store), an emulator at a
 * url, or an emulator started in this process. With `withFal: false` nothing is ever sent (for
 * validate and estimate): no emulator is started and every request is refused. One connection
 * serves every run of a process.
 */
export async function connectFal(
  target: FalTarget,
  store: Store,
  options: { readonly withFal?: boolean } = {},
): Promise<FalConnection> {
  const mode = target.kind === 'fal' ? 'fal' : 'emulator'
  if (options.withFal === false) {
    return { gateway: createFalGateway({ mode, fetch: refuseFetch }), emulator: undefined, close }
  }
  if (target.kind === 'fal') {
    const gateway = createFalGateway({ mode, credentials: target.key, uploads: store.uploads })
    return { gateway, emulator: undefined, close }
  }
  const emulator = target.kind === 'embedded' ? await startFalEmulator(target.knobs) : undefined
  const gateway = createFalGateway({
    mode,
    credentials: 'emulator',
    fetch: emulatorFetch(emulator?.url ?? (target as { url: string }).url),
    pollIntervalMs: 250,
    // An embedded emulator's files vanish with it: its upload URLs must not outlive the process.
    uploads: emulator ? createMemoryUploadCache() : store.uploads,
  })
  let stopped = false
  return {
    gateway,
    emulator,
    async close() {
      if (stopped) return
      stopped = true
      await emulator?.stop()
    },
  }
}

async function close(): Promise<void> {}
